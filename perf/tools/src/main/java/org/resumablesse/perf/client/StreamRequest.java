package org.resumablesse.perf.client;

/**
 * How a group of connections asks for its stream.
 *
 * @param path the request target, such as {@code /perf/sse/events}
 * @param eventName the name of benchmark events; other events (but {@code connected}) are ignored
 * @param stalled true for a client that sets a tiny receive buffer and never reads
 * @param sessionHeader true to resume with {@code X-SSE-Session-ID} instead of the cookie
 */
public record StreamRequest(String path, String eventName, boolean stalled, boolean sessionHeader) {

    /** The module's session cookie, whose value is also what the session header carries. */
    public static final String SESSION_COOKIE = "sse-session-id";

    /** A reading client of benchmark events that resumes with its cookies. */
    public static StreamRequest reading(String path) {
        return new StreamRequest(path, "bench", false, false);
    }

    /** A client that never reads. */
    public static StreamRequest stalled(String path) {
        return new StreamRequest(path, "bench", true, false);
    }
}
