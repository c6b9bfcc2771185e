package org.resumablesse.jakarta;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.List;
import org.resumablesse.core.Admission;
import org.resumablesse.core.ConnectionRefusedException;

/**
 * Admits a client to the stream before the response starts: reads the token (cookie, then the
 * {@code X-SSE-Session-ID} header), the cursor ({@code Last-Event-ID}, else the {@code lastEventId}
 * query parameter), the {@code topic} query parameters and the principal, lets the engine resume or
 * issue the session, and on the way out sets the cookie and the no-cache, no-buffering headers. A
 * reached limit or a malformed topic is answered here with an error status and a plain-text reason;
 * everything a client can recover from is left to the in-band {@code connected} event.
 *
 * <p>Stateless apart from a lazily found manager; thread-safe.
 */
@Provider
@ResumableStream
@Priority(Priorities.USER)
public class StreamAdmissionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header a client without cookies sends its token in. */
    public static final String SESSION_HEADER = "X-SSE-Session-ID";

    /** Internal: the header the filter hands the admission ticket to the resource in. */
    static final String TICKET_HEADER = "X-Resumable-SSE-Ticket";

    private static final String TICKET = "org.resumablesse.ticket";
    private static final String SET_COOKIE = "org.resumablesse.set-cookie";

    private volatile SseSessionManager manager;

    @Override
    public void filter(ContainerRequestContext request) {
        SseSessionManager manager = manager();
        EndpointSettings settings = manager.endpoint();
        Cookie cookie = request.getCookies().get(settings.cookieName());
        String token = cookie != null ? cookie.getValue() : request.getHeaderString(SESSION_HEADER);
        String cursor = request.getHeaderString(HttpHeaders.LAST_EVENT_ID_HEADER);
        MultivaluedMap<String, String> query = request.getUriInfo().getQueryParameters();
        if (cursor == null || cursor.isBlank()) {
            cursor = query.getFirst("lastEventId");
        }
        List<String> topics = query.getOrDefault("topic", List.of());
        Principal user = request.getSecurityContext().getUserPrincipal();
        Admission admission;
        try {
            admission =
                    manager.engine()
                            .admit(token, cursor, topics, user == null ? null : user.getName());
        } catch (ConnectionRefusedException e) {
            request.abortWith(refusal(e));
            return;
        }
        String ticket = manager.tickets().issue(admission);
        request.getHeaders().putSingle(TICKET_HEADER, ticket);
        request.setProperty(TICKET, ticket);
        if (admission.token() != null) {
            String path = request.getUriInfo().getAbsolutePath().getRawPath();
            boolean secure = request.getSecurityContext().isSecure();
            request.setProperty(
                    SET_COOKIE, SessionCookie.header(settings, admission.token(), path, secure));
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        headers.putSingle(HttpHeaders.CACHE_CONTROL, "no-cache, no-transform");
        headers.putSingle("X-Accel-Buffering", "no");
        Object cookie = request.getProperty(SET_COOKIE);
        if (cookie != null) {
            headers.add(HttpHeaders.SET_COOKIE, cookie);
        }
        Object ticket = request.getProperty(TICKET);
        if (ticket != null) {
            manager().tickets().discard((String) ticket, manager().engine());
        }
    }

    private SseSessionManager manager() {
        SseSessionManager found = manager;
        if (found == null) {
            found = CDI.current().select(SseSessionManager.class).get();
            manager = found;
        }
        return found;
    }

    static Response refusal(ConnectionRefusedException e) {
        Response.ResponseBuilder response =
                switch (e.reason()) {
                    case BAD_REQUEST -> Response.status(Response.Status.BAD_REQUEST);
                    case TOO_MANY_CONNECTIONS ->
                            Response.status(429).header(HttpHeaders.RETRY_AFTER, "30");
                    case TOO_MANY_SESSIONS, NOT_RUNNING ->
                            Response.status(Response.Status.SERVICE_UNAVAILABLE)
                                    .header(HttpHeaders.RETRY_AFTER, "30");
                };
        return response.type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
    }
}
