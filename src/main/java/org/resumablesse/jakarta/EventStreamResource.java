package org.resumablesse.jakarta;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.InternalServerErrorException;
import jakarta.ws.rs.OPTIONS;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.SseEventSink;
import org.resumablesse.core.Admission;
import org.resumablesse.core.ConnectionRefusedException;

/**
 * {@code GET .../events}: the resumable stream. {@link StreamAdmissionFilter} has admitted the
 * client by the time this runs; this hands the sink to the engine, which sends {@code connected},
 * the replay, then live events.
 */
@Path("events")
@RequestScoped
@ResumableStream
public class EventStreamResource {

    @Inject SseSessionManager manager;

    /**
     * {@code OPTIONS .../events}: a CORS preflight's answer ({@link CorsPolicy#preflight}), or, for
     * any other {@code OPTIONS}, the methods the stream takes.
     */
    @OPTIONS
    public Response preflight(
            @HeaderParam("Origin") String origin,
            @HeaderParam("Access-Control-Request-Method") String method) {
        CorsPolicy.Preflight preflight = manager.access().cors().preflight(origin, method);
        if (preflight == null) {
            return Response.ok().header(HttpHeaders.ALLOW, "GET, HEAD, OPTIONS").build();
        }
        Response.ResponseBuilder answer = Response.status(preflight.status());
        preflight.headers().forEach(answer::header);
        return answer.build();
    }

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(
            @Context SseEventSink sink,
            @HeaderParam(StreamAdmissionFilter.TICKET_HEADER) String ticket) {
        Admission admission = manager.tickets().take(ticket);
        if (admission == null) {
            throw new InternalServerErrorException(
                    "Resumable SSE: StreamAdmissionFilter is not registered in this JAX-RS application");
        }
        try {
            manager.engine().open(admission, manager.sinkTransport(sink));
        } catch (ConnectionRefusedException e) {
            throw new WebApplicationException(StreamAdmissionFilter.refusal(e));
        }
    }
}
