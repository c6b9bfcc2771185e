package org.resumablesse.jakarta;

import jakarta.annotation.Priority;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.ws.rs.HttpMethod;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ContainerResponseFilter;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import org.resumablesse.core.ConnectionRefusedException;

/**
 * Admits a client to the JAX-RS stream before the response starts, through {@link StreamAdmission}
 * (the same path as the Servlet front), and on the way out sets the cookie and the no-cache,
 * no-buffering headers and, with CORS on, the CORS headers. A refusal is answered here, in-band or
 * with its status (see {@link StreamAdmission.Refused}). A CORS preflight ({@code OPTIONS}) passes
 * through untouched, to {@link EventStreamResource#preflight}.
 *
 * <p>Stateless apart from a lazily found manager; thread-safe.
 */
@Provider
@ResumableStream
@Priority(Priorities.USER)
public class StreamAdmissionFilter implements ContainerRequestFilter, ContainerResponseFilter {

    /** The header a client without cookies sends its token in. */
    public static final String SESSION_HEADER = StreamAdmission.SESSION_HEADER;

    /** Internal: the header the filter hands the admission ticket to the resource in. */
    static final String TICKET_HEADER = "X-Resumable-SSE-Ticket";

    private static final String TICKET = "org.resumablesse.ticket";
    private static final String SET_COOKIE = "org.resumablesse.set-cookie";

    private volatile SseSessionManager manager;

    @Override
    public void filter(ContainerRequestContext request) {
        if (HttpMethod.OPTIONS.equals(request.getMethod())) {
            // A CORS preflight, answered by EventStreamResource#preflight: nothing to admit.
            return;
        }
        SseSessionManager manager = manager();
        StreamAdmission.Outcome outcome =
                StreamAdmission.admit(
                        manager.engine(),
                        manager.endpoint(),
                        manager.access(),
                        new JaxRsStreamRequest(request, ClientAddress.current()));
        if (outcome instanceof StreamAdmission.Refused refused) {
            request.abortWith(response(refused));
            return;
        }
        StreamAdmission.Admitted admitted = (StreamAdmission.Admitted) outcome;
        String ticket = manager.tickets().issue(admitted.admission());
        request.getHeaders().putSingle(TICKET_HEADER, ticket);
        request.setProperty(TICKET, ticket);
        if (admitted.setCookie() != null) {
            request.setProperty(SET_COOKIE, admitted.setCookie());
        }
    }

    @Override
    public void filter(ContainerRequestContext request, ContainerResponseContext response) {
        MultivaluedMap<String, Object> headers = response.getHeaders();
        StreamAdmission.STREAM_HEADERS.forEach(headers::putSingle);
        if (!HttpMethod.OPTIONS.equals(request.getMethod())) {
            manager()
                    .access()
                    .cors()
                    .responseHeaders(request.getHeaderString("Origin"))
                    .forEach((name, value) -> addCorsHeader(headers, name, value));
        }
        Object cookie = request.getProperty(SET_COOKIE);
        if (cookie != null) {
            headers.add(HttpHeaders.SET_COOKIE, cookie);
        }
        Object ticket = request.getProperty(TICKET);
        if (ticket != null) {
            manager().tickets().discard((String) ticket, manager().engine());
        }
    }

    private static void addCorsHeader(
            MultivaluedMap<String, Object> headers, String name, String value) {
        if (name.equals(HttpHeaders.VARY)) {
            headers.add(name, value);
        } else {
            headers.putSingle(name, value);
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
        return response(StreamAdmission.refusal(e));
    }

    private static Response response(StreamAdmission.Refused refused) {
        Response.ResponseBuilder response = Response.status(refused.httpStatus());
        if (refused.retryAfter() != null) {
            response.header(HttpHeaders.RETRY_AFTER, refused.retryAfter());
        }
        return response.type(refused.contentType()).entity(refused.body()).build();
    }
}
