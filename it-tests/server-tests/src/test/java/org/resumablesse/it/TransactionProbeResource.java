package org.resumablesse.it;

import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.UserTransaction;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import javax.naming.InitialContext;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;

/**
 * Test deployments only: fires broadcast events with {@code Event.fire} inside a JTA {@link
 * UserTransaction} held open across requests, or outside one. Never part of the demo WAR.
 *
 * <ul>
 *   <li>{@code POST api/probe/tx/open?key=K&name=N&size=S}: a managed thread begins a transaction
 *       and fires event N (S characters of data), then waits (at most 60 s, then rolls back) for
 *       the decision below; answers {@code open} once the event was fired.
 *   <li>{@code POST api/probe/tx/commit?key=K} or {@code rollback?key=K}: ends it; answers {@code
 *       committed} or {@code rolled back}, a new line and the event's receipt ({@link #outcome}).
 *   <li>{@code POST api/probe/tx/fire?name=N&size=S}: fires outside a transaction; answers 200 and
 *       the receipt, or 400 and what {@code fire} threw.
 * </ul>
 */
@Path("probe/tx")
public class TransactionProbeResource {

    private static final Map<String, Open> OPEN = new ConcurrentHashMap<>();

    @Inject Event<ServerEvent> events;

    /** A transaction held open by a managed thread until the test decides its outcome. */
    private record Open(
            CountDownLatch fired, CompletableFuture<Boolean> commit, Future<String> ended) {}

    @POST
    @Path("open")
    @Produces(MediaType.TEXT_PLAIN)
    public Response open(
            @QueryParam("key") String key,
            @QueryParam("name") String name,
            @QueryParam("size") int size)
            throws Exception {
        ServerEvent event = ServerEvent.broadcast(name, "x".repeat(Math.max(size, 1)));
        CountDownLatch fired = new CountDownLatch(1);
        CompletableFuture<Boolean> commit = new CompletableFuture<>();
        ExecutorService managed =
                InitialContext.doLookup("java:comp/DefaultManagedExecutorService");
        Future<String> ended =
                managed.submit(
                        () -> {
                            UserTransaction tx =
                                    InitialContext.doLookup("java:comp/UserTransaction");
                            tx.begin();
                            try {
                                events.fire(event);
                            } finally {
                                fired.countDown();
                            }
                            if (commit.get(60, TimeUnit.SECONDS)) {
                                tx.commit();
                                return "committed\n" + outcome(event);
                            }
                            tx.rollback();
                            return "rolled back\n" + outcome(event);
                        });
        OPEN.put(key, new Open(fired, commit, ended));
        if (!fired.await(20, TimeUnit.SECONDS)) {
            return Response.serverError().entity("the event was not fired within 20 s").build();
        }
        return Response.ok("open").build();
    }

    @POST
    @Path("commit")
    @Produces(MediaType.TEXT_PLAIN)
    public String commit(@QueryParam("key") String key) throws Exception {
        return end(key, true);
    }

    @POST
    @Path("rollback")
    @Produces(MediaType.TEXT_PLAIN)
    public String rollback(@QueryParam("key") String key) throws Exception {
        return end(key, false);
    }

    @POST
    @Path("fire")
    @Produces(MediaType.TEXT_PLAIN)
    public Response fire(@QueryParam("name") String name, @QueryParam("size") int size) {
        ServerEvent event = ServerEvent.broadcast(name, "x".repeat(Math.max(size, 1)));
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            return Response.status(400).entity("fire threw " + describe(e)).build();
        }
        return Response.ok(outcome(event)).build();
    }

    private static String end(String key, boolean commit) throws Exception {
        Open open = OPEN.remove(key);
        if (open == null) {
            return "no open transaction " + key;
        }
        open.commit().complete(commit);
        return open.ended().get(30, TimeUnit.SECONDS);
    }

    /** The receipt right now: {@code published <id>}, {@code refused <what>} or {@code pending}. */
    private static String outcome(ServerEvent event) {
        CompletableFuture<String> receipt = event.receipt().toCompletableFuture();
        if (!receipt.isDone()) {
            return "pending";
        }
        try {
            return "published " + receipt.join();
        } catch (RuntimeException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return "refused " + describe(cause);
        }
    }

    private static String describe(Throwable failure) {
        String reason =
                failure instanceof EventRejectedException rejected ? " " + rejected.reason() : "";
        return failure.getClass().getSimpleName() + reason + ": " + failure.getMessage();
    }
}
