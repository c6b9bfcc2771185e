package org.resumablesse.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.resumablesse.client.ResumableEventSource;

/**
 * Test deployments only: {@code GET api/probe/client?topic=…&from=…&count=…} runs the library's
 * Java client inside the server, on the server's own JAX-RS client, against the WAR's own stream,
 * starting from the cursor {@code from}; answers the ids of the first {@code count} events it
 * receives, one a line (fewer if they do not come within 15 s). Never part of the demo WAR.
 */
@Path("probe/client")
public class ClientProbeResource {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String receive(
            @QueryParam("topic") String topic,
            @QueryParam("from") String from,
            @QueryParam("count") int count,
            @Context UriInfo request)
            throws InterruptedException {
        URI events = request.getBaseUriBuilder().path("events").build();
        List<String> ids = new CopyOnWriteArrayList<>();
        CountDownLatch received = new CountDownLatch(count);
        try (ResumableEventSource source =
                ResumableEventSource.builder(events)
                        .topic(topic)
                        .lastEventId(from)
                        .onEvent(
                                event -> {
                                    ids.add(event.id());
                                    received.countDown();
                                })
                        .build()) {
            source.open();
            received.await(15, TimeUnit.SECONDS);
        }
        return String.join("\n", ids);
    }
}
