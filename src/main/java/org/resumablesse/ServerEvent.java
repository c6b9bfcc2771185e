package org.resumablesse;

import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * An event to deliver to browsers: fire it as a CDI event ({@code Event<ServerEvent>.fire} or
 * {@code fireAsync}) or pass it to {@link EventPublisher#publish(ServerEvent)}.
 *
 * <p>The audience, name and data are immutable. The {@linkplain #receipt() receipt} completes once,
 * when the module has stored the event (with its id) or refused it (with an {@link
 * EventRejectedException}); it lets a caller that fired the event learn the outcome. Thread-safe.
 * No argument may be null.
 */
public final class ServerEvent {

    private final Audience audience;
    private final String name;
    private final String data;
    private final CompletableFuture<String> receipt = new CompletableFuture<>();

    /**
     * Creates an event for an audience.
     *
     * @param audience who receives it
     * @param name the event name, matching {@code [A-Za-z0-9._:-]{1,64}}; {@code message} is what
     *     an EventSource's {@code onmessage} receives
     * @param data the payload, any text (often JSON); its line breaks are kept
     * @throws NullPointerException if an argument is null
     */
    public ServerEvent(Audience audience, String name, String data) {
        this.audience = Objects.requireNonNull(audience, "audience");
        this.name = Objects.requireNonNull(name, "name");
        this.data = Objects.requireNonNull(data, "data");
    }

    /** An event for every open connection. */
    public static ServerEvent broadcast(String name, String data) {
        return new ServerEvent(Audience.everyone(), name, data);
    }

    /** An event for the connections of one session, addressed by its public session id. */
    public static ServerEvent toSession(String sessionId, String name, String data) {
        return new ServerEvent(Audience.session(sessionId), name, data);
    }

    /** An event for the connections whose principal has this name. */
    public static ServerEvent toUser(String userName, String name, String data) {
        return new ServerEvent(Audience.user(userName), name, data);
    }

    /** An event for the connections that follow a topic. */
    public static ServerEvent toTopic(String topic, String name, String data) {
        return new ServerEvent(Audience.topic(topic), name, data);
    }

    public Audience audience() {
        return audience;
    }

    public String name() {
        return name;
    }

    public String data() {
        return data;
    }

    /**
     * Completes with the event's id (its {@code id:} on the wire) once it is stored, or
     * exceptionally with an {@link EventRejectedException} when it is refused. An event fired with
     * {@code Event.fire} inside a JTA transaction completes after the commit, or with a {@link
     * java.util.concurrent.CancellationException} when the transaction rolls back. Never null.
     */
    public CompletionStage<String> receipt() {
        return receipt.minimalCompletionStage();
    }

    /**
     * Records that the event was stored under this id. Called by the module, once; later calls have
     * no effect.
     *
     * @return true if this call completed the receipt
     */
    public boolean markPublished(String id) {
        return receipt.complete(Objects.requireNonNull(id, "id"));
    }

    /**
     * Records that the event was refused. Called by the module, once; later calls have no effect.
     *
     * @return true if this call completed the receipt
     */
    public boolean markRejected(RuntimeException failure) {
        return receipt.completeExceptionally(Objects.requireNonNull(failure, "failure"));
    }

    @Override
    public String toString() {
        // The data may be large or private: it stays out of logs.
        return "ServerEvent["
                + audience.kind()
                + ", name="
                + name
                + ", "
                + data.length()
                + " chars]";
    }
}
