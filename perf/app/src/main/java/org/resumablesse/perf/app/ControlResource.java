package org.resumablesse.perf.app;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * {@code /api/control}: the benchmark's control protocol, which the ceiling server answers too.
 *
 * <ul>
 *   <li>{@code POST start?target=module|plain&events=N&size=B&rate=R&from=I&threads=T}: 202, or 409
 *       while a run is going, or 400; T publisher threads (default 1) share the run;
 *   <li>{@code POST stop}: ends the run after its current event;
 *   <li>{@code GET status}: {@code
 *       {"running":..,"published":..,"failed":..,"nanos":..,"error":".."}}, nanos being how long
 *       the run took (so far);
 *   <li>{@code GET pid}: this JVM's process id, for reading its CPU time and memory.
 * </ul>
 */
@Path("control")
@RequestScoped
public class ControlResource {

    @Inject BenchPublisher publisher;

    @POST
    @Path("start")
    @Produces(MediaType.APPLICATION_JSON)
    public Response start(
            @QueryParam("target") String target,
            @QueryParam("events") @DefaultValue("1000") long events,
            @QueryParam("size") @DefaultValue("100") int size,
            @QueryParam("rate") @DefaultValue("0") double rate,
            @QueryParam("from") @DefaultValue("0") long from,
            @QueryParam("threads") @DefaultValue("1") int threads) {
        try {
            boolean started = publisher.start(target, from, events, size, rate, threads);
            return Response.status(started ? 202 : 409).entity(publisher.statusJson()).build();
        } catch (IllegalArgumentException e) {
            return Response.status(400).entity("{\"error\":\"bad parameters\"}").build();
        }
    }

    @POST
    @Path("stop")
    @Produces(MediaType.APPLICATION_JSON)
    public String stop() {
        publisher.stop();
        return publisher.statusJson();
    }

    @GET
    @Path("status")
    @Produces(MediaType.APPLICATION_JSON)
    public String status() {
        return publisher.statusJson();
    }

    @GET
    @Path("pid")
    @Produces(MediaType.TEXT_PLAIN)
    public String pid() {
        return Long.toString(ProcessHandle.current().pid());
    }
}
