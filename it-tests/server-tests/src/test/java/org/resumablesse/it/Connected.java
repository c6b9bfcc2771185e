package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.util.Optional;

/**
 * The {@code connected} event that opens every stream: where the stream continues from and whether
 * the missed events could be replayed.
 *
 * @param id the cursor the stream continues from (the event's {@code id:})
 * @param retry the {@code retry:} sent with it, or null
 * @param sessionId the public session id; null when reconnection is disabled
 * @param reconnection whether the client gave a cursor
 * @param recovered whether every missed event follows
 * @param reason why not, when a cursor was given and recovery failed
 * @param replayed how many replayed events follow
 * @param newSession whether a cursor came without a live session, so a new one was issued
 */
public record Connected(
        String id,
        Long retry,
        String sessionId,
        boolean reconnection,
        boolean recovered,
        Optional<String> reason,
        int replayed,
        boolean newSession) {

    public static Connected of(SseEvent event) {
        assertEquals("connected", event.name(), () -> "not a connected event: " + event);
        JsonObject json = event.json();
        return new Connected(
                event.id(),
                event.retry(),
                json.get("sessionId") instanceof JsonString id ? id.getString() : null,
                json.getBoolean("reconnection"),
                json.getBoolean("recovered"),
                json.containsKey("reason")
                        ? Optional.of(json.getString("reason"))
                        : Optional.empty(),
                json.getInt("replayed"),
                json.getBoolean("newSession", false));
    }

    /** Waits for the stream's connected event and reads it. */
    public static Connected await(SseClient stream) {
        return of(stream.awaitConnected());
    }
}
