package org.resumablesse.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.ClientBuilder;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Consumer;

/**
 * Configures a {@link ResumableEventSource}. Every setter rejects null with a {@link
 * NullPointerException}, except the stored cursor and token, where null means none.
 *
 * <p>Not thread-safe; use it on one thread, then {@link #build()}. Defaults: no topics, no stored
 * cursor or token, cookie {@code sse-session-id}, initial delay 1 s, maximum delay 30 s, idle
 * timeout 45 s, a JAX-RS client from {@link ClientBuilder#newClient()} and a scheduler thread of
 * the source's own (both closed with the source), handlers that ignore what they are given.
 */
public final class ResumableEventSourceBuilder {

    private final URI events;
    private final List<String> topics = new ArrayList<>();
    private String cursor;
    private String token;
    private String cookieName = "sse-session-id";
    private Duration initialDelay = Duration.ofSeconds(1);
    private Duration maxDelay = Duration.ofSeconds(30);
    private Duration idleTimeout = Duration.ofSeconds(45);
    private Client client;
    private ScheduledExecutorService scheduler;
    private Consumer<ResumableEvent> onEvent = event -> {};
    private Consumer<ConnectedStatus> onConnected = status -> {};
    private Consumer<Throwable> onDisconnected = cause -> {};

    ResumableEventSourceBuilder(URI events) {
        this.events = Objects.requireNonNull(events, "events");
    }

    /** Follows a topic too (a {@code topic} query parameter); repeatable. */
    public ResumableEventSourceBuilder topic(String topic) {
        topics.add(Objects.requireNonNull(topic, "topic"));
        return this;
    }

    /**
     * Starts from a stored cursor: the id of the last event a previous run received. It is sent as
     * the {@code lastEventId} query parameter on the first request. Null or blank means none.
     */
    public ResumableEventSourceBuilder lastEventId(String storedCursor) {
        this.cursor = storedCursor == null || storedCursor.isBlank() ? null : storedCursor;
        return this;
    }

    /**
     * Resumes a stored session: the token a previous run read from {@link
     * ResumableEventSource#sessionToken()}, sent in the {@code X-SSE-Session-ID} header. Null means
     * none. Without it, a cursor still recovers every stream not private to a session.
     */
    public ResumableEventSourceBuilder sessionToken(String storedToken) {
        this.token = storedToken;
        return this;
    }

    /** The server's session cookie name ({@code resumable-sse.cookie.name}). */
    public ResumableEventSourceBuilder cookieName(String name) {
        this.cookieName = Objects.requireNonNull(name, "name");
        return this;
    }

    /**
     * The backoff: the base delay used until the server sends {@code retry:}, and the cap of the
     * exponential growth after failed attempts.
     *
     * @throws IllegalArgumentException if initial is negative or max is not positive
     */
    public ResumableEventSourceBuilder backoff(Duration initial, Duration max) {
        if (initial.isNegative() || max.isNegative() || max.isZero()) {
            throw new IllegalArgumentException("backoff needs initial >= 0 and max > 0");
        }
        this.initialDelay = initial;
        this.maxDelay = max;
        return this;
    }

    /**
     * How long a connection may receive nothing at all, not even a heartbeat comment, before it is
     * taken for dead and replaced: a connection whose peer vanished without closing it is found no
     * other way. Keep it above the server's {@code heartbeat-interval} (default 15 s); zero turns
     * the check off.
     *
     * @throws IllegalArgumentException if negative
     */
    public ResumableEventSourceBuilder idleTimeout(Duration timeout) {
        if (timeout.isNegative()) {
            throw new IllegalArgumentException("idle timeout must not be negative");
        }
        this.idleTimeout = timeout;
        return this;
    }

    /**
     * The JAX-RS client to connect with (inside a server, one the application built; with Jersey,
     * one that has {@code jersey-media-sse}). It stays the caller's: the source does not close it.
     */
    public ResumableEventSourceBuilder client(Client jaxRsClient) {
        this.client = Objects.requireNonNull(jaxRsClient, "jaxRsClient");
        return this;
    }

    /**
     * Where reconnections are scheduled, for example the container's {@code
     * ManagedScheduledExecutorService}. It stays the caller's: the source does not shut it down.
     */
    public ResumableEventSourceBuilder scheduler(ScheduledExecutorService executor) {
        this.scheduler = Objects.requireNonNull(executor, "executor");
        return this;
    }

    /** Receives every application event, once and in order. */
    public ResumableEventSourceBuilder onEvent(Consumer<ResumableEvent> handler) {
        this.onEvent = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** Receives the {@code connected} status of every connection, reconnections included. */
    public ResumableEventSourceBuilder onConnected(Consumer<ConnectedStatus> handler) {
        this.onConnected = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /**
     * Told when a connection or attempt ends, before the source waits and reconnects; the cause is
     * null for a stream that simply ended, a {@link StreamRefusedException} for a non-200 answer.
     */
    public ResumableEventSourceBuilder onDisconnected(Consumer<Throwable> handler) {
        this.onDisconnected = Objects.requireNonNull(handler, "handler");
        return this;
    }

    /** A source with these settings, not yet open. */
    public ResumableEventSource build() {
        boolean ownClient = client == null;
        Client jaxRs = ownClient ? ClientBuilder.newClient() : client;
        return new ResumableEventSource(
                new JaxRsConnector(jaxRs, ownClient, events, cookieName),
                new Backoff(
                        initialDelay, maxDelay, n -> ThreadLocalRandom.current().nextLong(n + 1)),
                scheduler == null ? ExecutorScheduler.own() : ExecutorScheduler.borrowed(scheduler),
                topics,
                cursor,
                token,
                new Handlers(onEvent, onConnected, onDisconnected),
                idleTimeout.toMillis(),
                System::nanoTime);
    }
}
