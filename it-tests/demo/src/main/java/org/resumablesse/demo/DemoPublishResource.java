package org.resumablesse.demo;

import static org.resumablesse.demo.JsonReplies.error;
import static org.resumablesse.demo.JsonReplies.json;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.resumablesse.EventPublisher;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;

/**
 * {@code POST /api/demo/publish}: publishes one event by firing it as a CDI event, the way an
 * application would. Form fields: {@code event} (the name), {@code data}, and at most one of {@code
 * session} (a public session id), {@code user} or {@code topic}; with none of them the event goes
 * to everyone. The optional field {@code via} picks how the event reaches the module: {@code fire}
 * (the default, a synchronous CDI event), {@code fireAsync} (an asynchronous CDI event) or {@code
 * publisher} (the injected {@link EventPublisher}).
 *
 * <p>Answers 202 with {@code {"id":"..."}} once the module has stored the event, 400 with {@code
 * {"error":"..."}} when the form or the event is refused, or 503 with it when the module is not
 * running or its store (Redis) cannot be reached. Test tools rely on this contract.
 */
@Path("demo/publish")
@RequestScoped
public class DemoPublishResource {

    /** Longer than any store write; the receipt normally completes inside {@code fire}. */
    private static final long RECEIPT_WAIT_SECONDS = 10;

    private static final List<String> TARGET_FIELDS = List.of("session", "user", "topic");

    /** How the event is handed to the module: the three ways an application can publish. */
    private static final List<String> VIAS = List.of("fire", "fireAsync", "publisher");

    @Inject Event<ServerEvent> events;

    @Inject EventPublisher publisher;

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response publish(byte[] body) {
        MultivaluedMap<String, String> form = FormBody.parse(body);
        String name = single(form, "event");
        if (name == null) {
            return error(Status.BAD_REQUEST, "the form field 'event' (the event name) is required");
        }
        List<String> targets =
                TARGET_FIELDS.stream().filter(field -> form.containsKey(field)).toList();
        if (targets.size() > 1 || (targets.size() == 1 && form.get(targets.get(0)).size() > 1)) {
            return error(
                    Status.BAD_REQUEST,
                    "give at most one of the form fields 'session', 'user' or 'topic', once");
        }
        String via = single(form, "via");
        if (via != null && !VIAS.contains(via)) {
            return error(Status.BAD_REQUEST, "'via' must be one of " + VIAS);
        }
        String data = single(form, "data");
        ServerEvent event = create(targets.isEmpty() ? null : targets.get(0), form, name, data);
        RuntimeException fireFailure = null;
        try {
            switch (via == null ? "fire" : via) {
                case "fireAsync" -> events.fireAsync(event);
                case "publisher" -> publisher.publish(event);
                default -> events.fire(event);
            }
        } catch (RuntimeException e) {
            fireFailure = e;
        }
        return outcome(event, fireFailure);
    }

    private static ServerEvent create(
            String target, MultivaluedMap<String, String> form, String name, String data) {
        String payload = data == null ? "" : data;
        if (target == null) {
            return ServerEvent.broadcast(name, payload);
        }
        String key = form.getFirst(target);
        return switch (target) {
            case "session" -> ServerEvent.toSession(key, name, payload);
            case "user" -> ServerEvent.toUser(key, name, payload);
            default -> ServerEvent.toTopic(key, name, payload);
        };
    }

    private static Response outcome(ServerEvent event, RuntimeException fireFailure) {
        CompletableFuture<String> receipt = event.receipt().toCompletableFuture();
        try {
            String id =
                    receipt.get(fireFailure == null ? RECEIPT_WAIT_SECONDS : 0, TimeUnit.SECONDS);
            return json(Status.ACCEPTED, Json.createObjectBuilder().add("id", id).build());
        } catch (ExecutionException | CompletionException e) {
            return failure(e.getCause());
        } catch (TimeoutException e) {
            if (fireFailure != null) {
                return failure(fireFailure);
            }
            return error(
                    Status.SERVICE_UNAVAILABLE,
                    "nothing stored the event: is the module deployed?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return error(Status.SERVICE_UNAVAILABLE, "interrupted while publishing");
        }
    }

    private static Response failure(Throwable failure) {
        Throwable cause = failure;
        while (cause instanceof CompletionException && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof EventRejectedException rejected) {
            Status status =
                    switch (rejected.reason()) {
                        case NOT_RUNNING, STORE_UNAVAILABLE -> Status.SERVICE_UNAVAILABLE;
                        default -> Status.BAD_REQUEST;
                    };
            return error(status, rejected.getMessage());
        }
        return error(Status.INTERNAL_SERVER_ERROR, "publishing failed: " + cause);
    }

    private static String single(MultivaluedMap<String, String> form, String field) {
        List<String> values = form.get(field);
        return values == null || values.isEmpty() ? null : values.get(0);
    }
}
