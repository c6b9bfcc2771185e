package org.resumablesse.jakarta;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.resumablesse.core.Admission;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.core.SseEngine;

/**
 * The one admission path of both stream endpoints (JAX-RS and Servlet): reads the token (cookie,
 * then the {@value #SESSION_HEADER} header), the cursor ({@code Last-Event-ID}, else the {@code
 * lastEventId} query parameter), the {@code topic} query parameters and the principal, and lets the
 * engine resume or issue the session. Before that, {@link StreamAccess} checks the {@code Origin}
 * (CORS) and asks the application's {@link org.resumablesse.StreamAuthorizer} about the topics; a
 * request it refuses reaches the engine not at all. The cursor is also read from {@code
 * lastEventID}, the spelling Mercure's clients send. A reached limit or a malformed topic is
 * refused with an error status and a plain-text reason; everything a client can recover from is
 * left to the in-band {@code connected} event.
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
     * Refused: answer with this status, plain-text message and, when not null, {@code Retry-After}
     * in seconds.
     */
    public record Refused(int status, String retryAfter, String message) implements Outcome {}

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
                            binding(settings, request));
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
            case TOO_MANY_CONNECTIONS -> new Refused(429, "30", e.getMessage());
            case TOO_MANY_SESSIONS, NOT_RUNNING -> new Refused(503, "30", e.getMessage());
            case STORE_UNAVAILABLE -> new Refused(503, "5", e.getMessage());
        };
    }
}
