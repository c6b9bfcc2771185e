package org.resumablesse.client;

import java.util.List;

/**
 * Opens one connection attempt to the stream and reports what happens on it. The JAX-RS
 * implementation is {@link JaxRsConnector}; tests put a fake in its place, so the reconnection
 * logic is tested without a server.
 */
interface StreamConnector {

    /**
     * Starts one attempt. Never throws: a failure is reported through {@link Listener#ended}.
     *
     * @return closes the attempt; idempotent
     */
    AutoCloseable connect(Request request, Listener listener);

    /** Releases what the connector holds (the JAX-RS client when it is the source's own). */
    void close();

    /**
     * What one attempt sends.
     *
     * @param topics the {@code topic} query parameters
     * @param queryCursor the cursor for the {@code lastEventId} query parameter, or null
     * @param headerCursor the cursor for the {@code Last-Event-ID} header, or null
     * @param token the session token for the {@code X-SSE-Session-ID} header, or null
     */
    record Request(List<String> topics, String queryCursor, String headerCursor, String token) {}

    /** What happens on one attempt; calls may come from any thread, one at a time. */
    interface Listener {

        /** The response arrived: its status and, when it set the session cookie, the token. */
        void response(int status, String token, long retryAfterMillis);

        /**
         * One frame: {@code id} null for a frame without id, {@code retryMillis} negative when it
         * had no {@code retry:} field.
         */
        void event(String name, String id, String data, long retryMillis);

        /** Bytes arrived on the attempt's connection (events, heartbeat comments, anything). */
        void activity();

        /** The attempt is over: the stream ended, or failed with this cause (may be null). */
        void ended(Throwable cause);
    }
}
