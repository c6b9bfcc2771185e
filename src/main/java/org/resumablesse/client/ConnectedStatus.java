package org.resumablesse.client;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server said in the {@code connected} event that starts every stream (see {@code
 * docs/reference/protocol.md}).
 *
 * @param sessionId the session's public id, to address it with {@code ServerEvent.toSession}; null
 *     when the server has reconnection disabled
 * @param reconnection whether the request carried a cursor
 * @param recovered whether every missed event of the followed streams follows
 * @param newSession whether the server issued a new session although a cursor was sent (events
 *     addressed to the earlier session are then not replayed)
 * @param reason why the client was not recovered ({@code overflow}, {@code expired}, {@code
 *     unknown-epoch}, {@code invalid}), or null
 * @param replayed how many replayed events follow before live ones
 * @param position the id of the {@code connected} event: the cursor the stream continues from
 */
public record ConnectedStatus(
        String sessionId,
        boolean reconnection,
        boolean recovered,
        boolean newSession,
        String reason,
        int replayed,
        String position) {

    private static final Pattern SESSION = Pattern.compile("\"sessionId\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern REASON = Pattern.compile("\"reason\"\\s*:\\s*\"([^\"]*)\"");
    private static final Pattern REPLAYED = Pattern.compile("\"replayed\"\\s*:\\s*(\\d+)");

    /** The reason as an optional, for code that reads better without a null check. */
    public Optional<String> reasonIfAny() {
        return Optional.ofNullable(reason);
    }

    /**
     * Reads the {@code connected} event's data. The object is flat and written by the server, so a
     * few patterns suffice; members it does not know are ignored.
     *
     * @param json the event's data
     * @param position the event's id
     * @throws IllegalArgumentException if a required member is missing
     */
    static ConnectedStatus parse(String json, String position) {
        Matcher replayed = REPLAYED.matcher(json);
        if (!replayed.find() || !json.contains("\"recovered\"")) {
            throw new IllegalArgumentException("not a connected event: " + json);
        }
        return new ConnectedStatus(
                group(SESSION, json),
                flag("reconnection", json),
                flag("recovered", json),
                flag("newSession", json),
                group(REASON, json),
                Integer.parseInt(replayed.group(1)),
                position);
    }

    private static boolean flag(String member, String json) {
        return Pattern.compile("\"" + member + "\"\\s*:\\s*true").matcher(json).find();
    }

    private static String group(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        return matcher.find() ? matcher.group(1) : null;
    }
}
