package org.resumablesse.jakarta;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resumablesse.core.Admission;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.core.EventFrameEncoder;
import org.resumablesse.core.SseEngine;

/**
 * The one admission path of both stream endpoints (JAX-RS and Servlet): reads the token (cookie,
 * then the {@value #SESSION_HEADER} header), the cursor ({@code Last-Event-ID}, else the {@code
 * lastEventId} query parameter), the {@code topic} query parameters and the principal, and lets the
 * engine resume or issue the session. Before that, {@link StreamAccess} checks the {@code Origin}
 * (CORS) and asks the application's {@link org.resumablesse.StreamAuthorizer} about the topics; a
 * request it refuses reaches the engine not at all. The cursor is also read from {@code
 * lastEventID}, the spelling Mercure's clients send. A reached limit is refused in-band (see {@link
 * Refused}), a malformed topic with an error status and a plain-text reason; everything a client
 * can recover from is left to the in-band {@code connected} event.
 *
 * <p>Stateless and thread-safe.
 */
public final class StreamAdmission {

    /** The header a client without cookies sends its token in. */
    public static final String SESSION_HEADER = "X-SSE-Session-ID";

    /**
     * The query parameters a cursor is read from when the {@code Last-Event-ID} header is missing
     * or blank, in this order: ours, then the spelling Mercure's clients send.
     */
    public static final List<String> CURSOR_PARAMETERS = List.of("lastEventId", "lastEventID");

    /** The stream's content type. */
    public static final String CONTENT_TYPE = "text/event-stream;charset=UTF-8";

    /** The headers every stream response carries: no caching, no proxy buffering. */
    public static final Map<String, String> STREAM_HEADERS =
            Map.of("Cache-Control", "no-cache, no-transform", "X-Accel-Buffering", "no");

    private StreamAdmission() {}

    /** What admission decided. */
    public sealed interface Outcome permits Admitted, Refused {}

    /**
     * Let in: open the admission with {@link SseEngine#open} or give it back with {@link
     * SseEngine#cancel}.
     *
     * @param admission the engine's admission, holding a connection slot
     * @param setCookie the {@code Set-Cookie} value to send, or null when none is due
     */
    public record Admitted(Admission admission, String setCookie) implements Outcome {}

    /**
     * Refused. A refusal the client can outwait (a limit, the store, the module stopped) carries a
     * reason code and a delay, and is answered {@code 200} with a {@code text/event-stream} body
     * ({@link #body()}): a {@code retry:} hint and one {@value #REFUSED_EVENT} event, after which
     * the stream ends, so that a plain {@code EventSource} comes back after the delay instead of
     * giving up as it does on an error status. Any other refusal (a malformed request, a denial) is
     * answered with its status and a plain-text message. Immutable.
     *
     * @param status the HTTP status the refusal stands for (the WebSocket close code adds 4000)
     * @param retryAfter the {@code Retry-After} value in seconds, or null for none
     * @param message a plain-text explanation
     * @param reason the reason code of a refusal the client outwaits, or null for a final one
     * @param retryMillis the delay the client is asked to wait, or -1 with no reason code
     */
    public record Refused(
            int status, String retryAfter, String message, String reason, long retryMillis)
            implements Outcome {

        /** A final refusal: answered with this status and message. */
        public Refused(int status, String retryAfter, String message) {
            this(status, retryAfter, message, null, -1);
        }

        /** A refusal the client outwaits: answered {@code 200} with a {@code refused} event. */
        static Refused later(int status, String reason, long retryMillis, String message) {
            long seconds = Math.max(1, (retryMillis + 999) / 1000);
            return new Refused(status, Long.toString(seconds), message, reason, retryMillis);
        }

        /** True when answered in-band: {@code 200}, a {@code retry:} hint and a refused event. */
        public boolean inBand() {
            return reason != null;
        }

        /** The HTTP status to answer with. */
        public int httpStatus() {
            return inBand() ? 200 : status;
        }

        /** The content type to answer with. */
        public String contentType() {
            return inBand() ? CONTENT_TYPE : "text/plain;charset=UTF-8";
        }

        /** The {@code refused} event's data: {@code {"reason":"max-sessions","retry":30000}}. */
        public String json() {
            return "{\"reason\":\"" + reason + "\",\"retry\":" + retryMillis + "}";
        }

        /** The body to answer with: the event stream when in-band, else the message. */
        public String body() {
            return inBand()
                    ? EventFrameEncoder.event(REFUSED_EVENT, null, json(), retryMillis).text()
                    : message;
        }
    }

    /** The name of the in-band event that tells a client to come back later. */
    public static final String REFUSED_EVENT = "refused";

    /**
     * Admits one stream request.
     *
     * @param engine the running engine
     * @param settings the HTTP side's settings (the cookie)
     * @param access who may open a stream and follow which topics
     * @param request the request, read through its framework's adapter
     */
    public static Outcome admit(
            SseEngine engine,
            EndpointSettings settings,
            StreamAccess access,
            StreamRequest request) {
        Refused denied = access.check(request, engine.settings().maxTopicsPerConnection());
        if (denied != null) {
            return denied;
        }
        String token = request.cookie(settings.wireCookieName());
        if (token == null) {
            token = request.header(SESSION_HEADER);
        }
        Admission admission;
        try {
            admission =
                    engine.admit(
                            token,
                            cursor(request),
                            request.queryValues("topic"),
                            request.user(),
                            binding(settings, request),
                            request.remoteAddress());
        } catch (ConnectionRefusedException e) {
            return refusal(e);
        }
        String cookie =
                admission.token() == null
                        ? null
                        : SessionCookie.header(
                                settings,
                                admission.token(),
                                request.rawPath(),
                                SessionCookie.secureRequest(settings, request));
        return new Admitted(admission, cookie);
    }

    /**
     * The {@code Set-Cookie} value that gives a live session a new token, for an application's
     * response to that session's client; see {@link SseSessionManager#rotateToken}.
     */
    static Optional<String> rotate(
            SseEngine engine,
            EndpointSettings settings,
            String sessionId,
            StreamRequest client,
            String streamPath) {
        return engine.rotateToken(sessionId, client.user(), binding(settings, client))
                .map(
                        token ->
                                SessionCookie.header(
                                        settings,
                                        token,
                                        streamPath,
                                        SessionCookie.secureRequest(settings, client)));
    }

    /**
     * What the request's session is bound to: the User-Agent and the address, each only when its
     * setting is on; empty when neither is. The engine keeps only a hash of it.
     */
    static String binding(EndpointSettings settings, StreamRequest request) {
        if (!settings.bindUserAgent() && !settings.bindAddress()) {
            return "";
        }
        StringBuilder bound = new StringBuilder(160);
        if (settings.bindUserAgent()) {
            bound.append("ua:").append(Objects.toString(request.header("User-Agent"), ""));
        }
        if (settings.bindAddress()) {
            bound.append("\naddr:").append(Objects.toString(request.remoteAddress(), ""));
        }
        return bound.toString();
    }

    /**
     * The cursor a request carries: the {@code Last-Event-ID} header, else the first of {@link
     * #CURSOR_PARAMETERS} that is present and not blank; null when there is none.
     */
    static String cursor(StreamRequest request) {
        String header = request.header("Last-Event-ID");
        if (header != null && !header.isBlank()) {
            return header;
        }
        for (String name : CURSOR_PARAMETERS) {
            String value = request.query(name);
            if (value != null && !value.isBlank()) {
                return value;
            }
        }
        return null;
    }

    /** The answer to a refused connection, from admission or from opening the stream. */
    public static Refused refusal(ConnectionRefusedException e) {
        return switch (e.reason()) {
            case BAD_REQUEST -> new Refused(400, null, e.getMessage());
            case TOO_MANY_CONNECTIONS -> later(e, 429, "max-connections-per-session", 30_000);
            case TOO_MANY_NEW_SESSIONS -> later(e, 429, "max-new-sessions-per-address", 30_000);
            case TOO_MANY_SESSIONS -> later(e, 503, "max-sessions", 30_000);
            case TOO_MANY_CONNECTIONS_IN_TOTAL -> later(e, 503, "max-connections", 30_000);
            case NOT_RUNNING -> later(e, 503, "not-running", 30_000);
            case STORE_UNAVAILABLE -> later(e, 503, "store-unavailable", 5_000);
        };
    }

    /** A refusal the client outwaits, for the engine's delay or else the given one. */
    private static Refused later(
            ConnectionRefusedException e, int status, String reason, long defaultMillis) {
        long millis = e.retryAfterMillis() >= 0 ? e.retryAfterMillis() : defaultMillis;
        return Refused.later(status, reason, millis, e.getMessage());
    }

    /** A refusal the client outwaits that the engine did not make: a handshake that took long. */
    public static Refused later(String reason, long retryMillis, String message) {
        return Refused.later(503, reason, retryMillis, message);
    }
}
