package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** Waits for admission and checks in-band refusals, as a plain EventSource would see them. */
final class Refusals {

    private static final Predicate<SseEvent> FIRST =
            e -> e.name().equals("connected") || e.name().equals("refused");

    private Refusals() {}

    /**
     * Opens the request again and again until a stream is let in (its first event is {@code
     * connected}), closing each refused one; fails at the deadline.
     */
    static SseClient admitted(OpenStreams streams, Supplier<SseRequest> request) {
        AtomicReference<SseClient> in = new AtomicReference<>();
        await("a stream let in")
                .atMost(Timeouts.DEFAULT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            SseClient stream = streams.open(request.get());
                            if (stream.awaitEvent(FIRST, Timeouts.DEFAULT)
                                    .name()
                                    .equals("connected")) {
                                in.set(stream);
                                return true;
                            }
                            stream.close();
                            return false;
                        });
        return in.get();
    }

    /**
     * Asserts the stream was refused in-band for the reason: status 200, an event stream with a
     * {@code retry:} hint and one {@code refused} event, a {@code Retry-After} header, then the
     * end.
     *
     * @return the hinted delay in milliseconds
     */
    static long assertRefused(SseClient stream, String reason) {
        assertEquals(200, stream.status(), stream::transcript);
        String type = stream.header("Content-Type").orElse("");
        assertTrue(type.startsWith("text/event-stream"), type);
        SseEvent refused = stream.awaitEvent(FIRST, Timeouts.DEFAULT);
        assertEquals("refused", refused.name(), stream::transcript);
        JsonObject json = refused.json();
        assertEquals(reason, json.getString("reason"), refused::toString);
        long retry = json.getJsonNumber("retry").longValue();
        assertNotNull(refused.retry(), () -> "a retry: hint in " + stream.transcript());
        assertEquals(retry, refused.retry().longValue());
        assertTrue(stream.header("Retry-After").isPresent(), () -> "" + stream.headers());
        stream.awaitEnd(Timeouts.DEFAULT);
        assertTrue(stream.events(e -> e.name().equals("connected")).isEmpty());
        return retry;
    }
}
