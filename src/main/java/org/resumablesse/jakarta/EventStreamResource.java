package org.resumablesse.jakarta;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.security.Principal;
import java.util.List;
import org.resumablesse.core.Admission;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.core.SseEngine;

/**
 * {@code GET .../events}: the resumable stream. Reads the session token (cookie, then the {@code
 * X-SSE-Session-ID} header), the cursor ({@code Last-Event-ID}, else the {@code lastEventId} query
 * parameter) and the {@code topic} query parameters, sets the cookie and the no-buffering headers,
 * and hands the sink to the engine. Problems a client recovers from are answered in-band with 200;
 * only a malformed request (400) or a reached limit (429, 503) gets an error status.
 */
@Path("events")
@RequestScoped
public class EventStreamResource {

    /** The header a client without cookies sends its token in. */
    public static final String SESSION_HEADER = "X-SSE-Session-ID";

    @Inject SseSessionManager manager;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @Context SseEventSink sink,
            @Context Sse sse,
            @Context HttpHeaders headers,
            @Context SecurityContext security,
            @Context HttpServletRequest request,
            @Context HttpServletResponse response,
            @HeaderParam(SESSION_HEADER) String headerToken,
            @HeaderParam(HttpHeaders.LAST_EVENT_ID_HEADER) String lastEventId,
            @QueryParam("lastEventId") String lastEventIdParam,
            @QueryParam("topic") List<String> topics) {
        SseEngine engine = manager.engine();
        EndpointSettings settings = manager.endpoint();
        Cookie cookie = headers.getCookies().get(settings.cookieName());
        String token = cookie != null ? cookie.getValue() : headerToken;
        String cursor =
                lastEventId != null && !lastEventId.isBlank() ? lastEventId : lastEventIdParam;
        Principal user = security.getUserPrincipal();
        Admission admission;
        try {
            admission = engine.admit(token, cursor, topics, user == null ? null : user.getName());
        } catch (ConnectionRefusedException e) {
            throw new WebApplicationException(refusal(e));
        }
        try {
            response.setHeader("Cache-Control", "no-cache, no-transform");
            response.setHeader("X-Accel-Buffering", "no");
            if (admission.token() != null) {
                response.addHeader(
                        "Set-Cookie",
                        SessionCookie.header(
                                settings,
                                admission.token(),
                                cookiePath(request),
                                request.isSecure()));
            }
            engine.open(admission, new SinkTransport(sink, sse, settings.writeTimeout()));
        } catch (RuntimeException e) {
            engine.cancel(admission);
            throw e;
        }
    }

    private static Response refusal(ConnectionRefusedException e) {
        Response.ResponseBuilder response =
                switch (e.reason()) {
                    case BAD_REQUEST -> Response.status(Response.Status.BAD_REQUEST);
                    case TOO_MANY_CONNECTIONS -> Response.status(429).header("Retry-After", "30");
                    case TOO_MANY_SESSIONS, NOT_RUNNING ->
                            Response.status(Response.Status.SERVICE_UNAVAILABLE)
                                    .header("Retry-After", "30");
                };
        return response.type(MediaType.TEXT_PLAIN_TYPE).entity(e.getMessage()).build();
    }

    /**
     * The request's path without path parameters, or / if it holds anything a cookie Path may not.
     */
    private static String cookiePath(HttpServletRequest request) {
        String path = request.getRequestURI();
        int semicolon = path.indexOf(';');
        if (semicolon >= 0) {
            path = path.substring(0, semicolon);
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ',') {
                return "/";
            }
        }
        return path.startsWith("/") ? path : "/";
    }
}
