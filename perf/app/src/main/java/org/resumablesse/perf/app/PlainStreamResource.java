package org.resumablesse.perf.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;

/** {@code GET /api/plain/events}: a stream fed by the plain {@link PlainChannel} broadcaster. */
@Path("plain/events")
@RequestScoped
public class PlainStreamResource {

    @Inject PlainChannel channel;

    @GET
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(@Context SseEventSink sink, @Context Sse sse) {
        channel.register(sink, sse);
    }
}
