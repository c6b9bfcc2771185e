package org.resumablesse.core;

/**
 * What a new connection was told in its {@code connected} event.
 *
 * @param reconnection whether the client brought a cursor
 * @param recovered whether it gets exactly the events it missed
 * @param reason why not, when it brought a cursor and was not recovered; otherwise null
 * @param replayed how many events are replayed before live delivery
 * @param position the cursor the stream continues from
 * @param newSession whether the client brought a cursor but no live session, so a new session was
 *     issued: events addressed to the earlier session are not replayed
 */
public record Recovery(
        boolean reconnection,
        boolean recovered,
        GapReason reason,
        int replayed,
        Cursor position,
        boolean newSession) {

    /** The {@code connected} event's JSON data. */
    String toJson(String sessionId) {
        StringBuilder json = new StringBuilder(128).append("{\"sessionId\":");
        json.append(sessionId == null ? "null" : '"' + sessionId + '"');
        json.append(",\"reconnection\":").append(reconnection);
        json.append(",\"recovered\":").append(recovered);
        if (reconnection && newSession) {
            json.append(",\"newSession\":true");
        }
        if (reason != null) {
            json.append(",\"reason\":\"").append(reason.wireName()).append('"');
        }
        return json.append(",\"replayed\":").append(replayed).append('}').toString();
    }
}
