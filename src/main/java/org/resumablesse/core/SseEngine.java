package org.resumablesse.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;
import org.resumablesse.SessionInfo;
import org.resumablesse.core.ConnectionRefusedException.Reason;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.SessionStore;
import org.resumablesse.spi.StoreUnavailableException;
import org.resumablesse.spi.StoredEvent;

/**
 * The engine: publishes events into the store and out to followers, admits clients, recovers
 * reconnecting ones exactly or tells them why not, and runs expiry and heartbeats on a scheduler it
 * is given.
 *
 * <p>Lifecycle: construct, {@link #start}, use, {@link #close}. Thread-safe. It owns the stores and
 * closes them.
 */
public final class SseEngine implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SseEngine.class.getName());
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    // How often stalled writes are looked for, unless heartbeats are more frequent.
    private static final long WATCHDOG_MILLIS = 1000;

    private final EngineSettings settings;
    private final EventStore store;
    private final SessionStore sessionStore;
    private final Clock clock;
    private final Ticker ticker;
    private final SecureRandom random;
    private final Delivery delivery;
    private final EngineMetrics metrics;
    private final SessionRegistry sessions;
    private final Subscriptions subscriptions = new Subscriptions();
    private final List<ScheduledFuture<?>> tasks = new ArrayList<>();
    private final AdmissionGate gate;
    private volatile boolean running;

    /**
     * @param store the history; with reconnection disabled it is still used to number events
     * @param sessionStore where sessions live; the engine closes it too
     * @param clock the wall clock, for the times shown to people ({@code _originalTime}) and the
     *     times a shared store compares across nodes
     * @param ticker the monotonic clock every other elapsed time is measured on
     * @param delivery runs the fan-out passes, one at a time; a pass never blocks (transports do
     *     not wait for clients), so one thread serves
     */
    public SseEngine(
            EngineSettings settings,
            EventStore store,
            SessionStore sessionStore,
            Clock clock,
            Ticker ticker,
            SecureRandom random,
            Executor delivery,
            EngineMetrics metrics) {
        this.settings = settings;
        this.store = store;
        this.sessionStore = sessionStore;
        this.clock = clock;
        this.ticker = ticker;
        this.random = random;
        this.delivery =
                new Delivery(
                        store,
                        ticker,
                        metrics,
                        settings.maxPendingBytes(),
                        settings.replayMarkers());
        this.metrics = metrics;
        this.sessions = new SessionRegistry(new SessionIds(random), sessionStore);
        this.gate = new AdmissionGate(settings, sessions, subscriptions, ticker, this::sessionTime);
        store.setAppendListener(new FanOut(subscriptions, delivery));
    }

    /** An engine that measures elapsed time on {@link Ticker#system()}. */
    public SseEngine(
            EngineSettings settings,
            EventStore store,
            SessionStore sessionStore,
            Clock clock,
            SecureRandom random,
            Executor delivery,
            EngineMetrics metrics) {
        this(settings, store, sessionStore, clock, Ticker.system(), random, delivery, metrics);
    }

    /** An engine on the given event store and the embedded in-memory session store. */
    public SseEngine(
            EngineSettings settings,
            EventStore store,
            Clock clock,
            SecureRandom random,
            Executor delivery,
            EngineMetrics metrics) {
        this(
                settings,
                store,
                new InMemorySessionStore(settings.maxSessions()),
                clock,
                random,
                delivery,
                metrics);
    }

    /**
     * An engine on the embedded in-memory store. With reconnection disabled its history is still
     * kept: connections read their live events from it.
     */
    public static SseEngine inMemory(
            EngineSettings settings, Clock clock, Executor delivery, EngineMetrics metrics) {
        SecureRandom random = new SecureRandom();
        return new SseEngine(
                settings,
                new InMemoryEventStore(
                        settings.bufferSize(),
                        settings.maxStreams(),
                        settings.maxRetainedBytes(),
                        random),
                clock,
                random,
                delivery,
                metrics);
    }

    /**
     * Starts accepting work and schedules expiry and heartbeats; the scheduler stays the caller's.
     */
    public synchronized void start(ScheduledExecutorService scheduler) {
        if (running) {
            return;
        }
        running = true;
        long cleanup = settings.cleanupInterval().toMillis();
        long heartbeat = settings.heartbeatInterval().toMillis();
        tasks.add(
                scheduler.scheduleWithFixedDelay(
                        () -> guarded("expiry", this::expire),
                        cleanup,
                        cleanup,
                        TimeUnit.MILLISECONDS));
        tasks.add(
                scheduler.scheduleWithFixedDelay(
                        () -> guarded("heartbeat", this::heartbeat),
                        heartbeat,
                        heartbeat,
                        TimeUnit.MILLISECONDS));
        if (heartbeat > WATCHDOG_MILLIS) {
            tasks.add(
                    scheduler.scheduleWithFixedDelay(
                            () -> guarded("write watchdog", this::watchdog),
                            WATCHDOG_MILLIS,
                            WATCHDOG_MILLIS,
                            TimeUnit.MILLISECONDS));
        }
    }

    /**
     * Stores an event and hands its sequence to the fan-out, which wakes the connections that
     * follow its stream; waits for none of them, so it costs the same for any number of followers.
     *
     * @return the event's id
     * @throws EventRejectedException if it is refused; the event's receipt says so too
     */
    public String publish(ServerEvent event) {
        try {
            if (!running) {
                throw new EventRejectedException(
                        EventRejectedException.Reason.NOT_RUNNING, "Resumable SSE is not running");
            }
            EventRules.check(event, settings.maxEventBytes());
            StoredEvent stored =
                    store.append(event.audience(), event.name(), event.data(), clock.millis());
            metrics.published();
            String id = Cursor.format(stored.epoch(), stored.sequence());
            event.markPublished(id);
            return id;
        } catch (EventRejectedException e) {
            event.markRejected(e);
            throw e;
        }
    }

    /**
     * Lets a client in: resumes the session its token names or issues a new one, and holds a
     * connection slot in it. Nothing is sent yet, so the caller can still set the cookie.
     *
     * @param token the resume token from the cookie or header, untrusted; may be null
     * @param cursorText the {@code Last-Event-ID} or {@code lastEventId} value, untrusted; may be
     *     null
     * @param topics the topics asked for
     * @param user the authenticated principal's name, or null
     * @throws ConnectionRefusedException if a limit is reached or a topic is malformed
     */
    public Admission admit(
            String token, String cursorText, Collection<String> topics, String user) {
        return admit(token, cursorText, topics, user, "", null);
    }

    /**
     * Lets a client in as {@link #admit(String, String, Collection, String)} does, with the session
     * bound to the client and a new session counted against its address's {@code
     * max-new-sessions-per-address}. A token issued with another binding does not resume the
     * session (the client gets a new one). A token issued while the client was anonymous, presented
     * with a principal, resumes the same session under a new token that the admission carries; the
     * session's other connections on this node are closed. A token issued for one principal never
     * resumes for another principal or for an anonymous request.
     *
     * @param binding what the session is bound to (the caller's text, hashed here; never stored),
     *     empty for nothing
     * @param address the client's textual IP address, or null when unknown (not limited)
     */
    public Admission admit(
            String token,
            String cursorText,
            Collection<String> topics,
            String user,
            String binding,
            String address) {
        if (!running) {
            throw notRunning();
        }
        return gate.admit(token, cursorText, topics, user, binding, address);
    }

    /**
     * Gives a live session a new secret token, bound to this principal and client: the old token no
     * longer resumes it (its holder gets a new session), the session keeps its public id and its
     * events, and its open connections on this node are closed so that they reconnect with the new
     * token. The caller hands the new token to the session's client (the session cookie).
     *
     * @param user the principal's name the session belongs to from now on, or null
     * @param binding what the session is bound to, as for {@link #admit(String, String, Collection,
     *     String, String, String)}
     * @return the new token, or empty when no live session has this id or reconnection is disabled
     * @throws StoreUnavailableException when the session store cannot be reached
     */
    public Optional<String> rotateToken(String sessionId, String user, String binding) {
        return running ? gate.rotate(sessionId, user, binding) : Optional.empty();
    }

    /** Gives back the slot of an admission that will not be opened. */
    public void cancel(Admission admission) {
        gate.release(admission.session());
    }

    /**
     * Starts streaming to an admitted client: the {@code connected} frame, then the replay or
     * nothing, then live events, handed over without loss or duplicate. Takes over the admission:
     * whether it returns or throws, the caller must not {@link #cancel} it afterwards.
     *
     * @throws ConnectionRefusedException if the engine has stopped
     */
    public Opened open(Admission admission, Transport transport) {
        if (!running) {
            cancel(admission);
            throw notRunning();
        }
        Connection connection =
                new Connection(
                        admission.session(),
                        admission.streams(),
                        transport,
                        delivery,
                        this::closed);
        subscriptions.add(connection);
        if (!running) {
            // close() ran between the check above and the registration: it may not have seen us.
            connection.close(CloseCause.SHUTDOWN);
            throw notRunning();
        }
        try {
            return start(connection, admission);
        } catch (RuntimeException e) {
            connection.close(CloseCause.SHUTDOWN);
            throw e;
        }
    }

    private Opened start(Connection connection, Admission admission) {
        RecoveryPlanner.Plan plan =
                new RecoveryPlanner(store, metrics, settings.maxReplayEvents()).plan(admission);
        Recovery recovery = plan.recovery();
        String sessionId = admission.session() == null ? null : admission.session().id();
        EventFrame connected =
                EventFrameEncoder.event(
                        Frames.CONNECTED,
                        recovery.position().format(),
                        recovery.toJson(sessionId),
                        retryMillis());
        connection.begin(
                connected, plan.events(), recovery.position().epoch(), plan.deliveredThrough());
        return new Opened(connection, recovery);
    }

    /** A public view of a live session. */
    public Optional<SessionInfo> session(String sessionId) {
        return sessions.byId(sessionId).map(s -> new SessionInfo(s.id(), s.openConnections()));
    }

    public int sessionCount() {
        return sessions.size();
    }

    /** True from {@link #start} until {@link #close}. */
    public boolean isRunning() {
        return running;
    }

    public EngineSettings settings() {
        return settings;
    }

    /** What the engine holds; while a shared store cannot be reached, only the connections. */
    public EngineStats stats() {
        try {
            EventStore.StoreStats store = this.store.stats();
            int connected = sessions.connected();
            return new EngineStats(
                    subscriptions.all().size(),
                    connected,
                    Math.max(0, sessions.size() - connected),
                    store.events(),
                    store.bytes());
        } catch (StoreUnavailableException e) {
            return new EngineStats(subscriptions.all().size(), 0, 0, 0, 0);
        }
    }

    /** The reconnection delay to send: the base plus a random part, so clients spread out. */
    long retryMillis() {
        long jitter = settings.retryJitter().toMillis();
        return settings.retryBase().toMillis() + (jitter == 0 ? 0 : random.nextLong(jitter + 1));
    }

    /** Removes sessions idle past the TTL with their streams, and idle topic and user streams. */
    void expire() {
        long ttl = settings.bufferTtl().toMillis();
        for (String sessionId : sessions.expireIdle(sessionTime(), ttl)) {
            store.removeStream(Audience.session(sessionId));
        }
        // Streams keep the wall time of their last append, which is also the events' own time.
        store.removeIdleStreams(
                clock.millis() - ttl,
                stream ->
                        subscriptions.isFollowed(stream)
                                || (stream.kind() == Audience.Kind.SESSION
                                        && sessions.isLive(stream.key())));
    }

    /**
     * Closes every connection whose write has made no progress for longer than {@code
     * write-timeout}; runs every second, so a stalled client is closed within a second of that.
     */
    void watchdog() {
        long timeout = settings.writeTimeout().toMillis();
        for (Connection connection : subscriptions.all()) {
            connection.closeIfStalled(timeout);
        }
    }

    /**
     * Sends a comment to every idle connection, and closes those whose client is gone or whose
     * write has made no progress for longer than {@code write-timeout}. Waits for no client.
     */
    void heartbeat() {
        for (Connection connection : subscriptions.all()) {
            try {
                connection.heartbeat(settings.writeTimeout().toMillis());
            } catch (RuntimeException e) {
                // One broken transport must not cost the others their heartbeat.
                connection.close(CloseCause.WRITE_FAILURE);
            }
        }
    }

    /**
     * Stops: refuses new work, cancels the scheduled tasks, sends every open connection a last
     * reconnection hint, closes them, then closes the store. Waits at most a short grace for the
     * writes.
     */
    @Override
    public void close() {
        synchronized (this) {
            if (!running) {
                return;
            }
            running = false;
            tasks.forEach(task -> task.cancel(false));
            tasks.clear();
        }
        for (Connection connection : subscriptions.all()) {
            connection.finish(EventFrameEncoder.retry(retryMillis()), CloseCause.SHUTDOWN);
        }
        long deadline = System.nanoTime() + STOP_GRACE.toNanos();
        while (!subscriptions.all().isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        for (Connection connection : subscriptions.all()) {
            connection.close(CloseCause.SHUTDOWN);
        }
        try {
            store.close();
        } finally {
            sessionStore.close();
        }
    }

    private void closed(Connection connection, CloseCause cause) {
        subscriptions.remove(connection);
        gate.release(connection.session());
        metrics.connectionClosed(cause);
    }

    /**
     * The time the session store measures TTLs on: monotonic unless the store is shared by nodes,
     * whose monotonic clocks do not agree.
     */
    private long sessionTime() {
        return sessionStore.needsWallClock()
                ? clock.millis()
                : TimeUnit.NANOSECONDS.toMillis(ticker.nanos());
    }

    private static ConnectionRefusedException notRunning() {
        return new ConnectionRefusedException(Reason.NOT_RUNNING, "Resumable SSE is not running");
    }

    private static void guarded(String task, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException | Error e) {
            if (e instanceof VirtualMachineError) {
                throw (VirtualMachineError) e;
            }
            LOG.log(
                    System.Logger.Level.WARNING,
                    "Resumable SSE " + task + " task failed; it runs again next time",
                    e);
        }
    }

    /** A connection that is streaming, and what it was told. */
    public record Opened(Connection connection, Recovery recovery) {}
}
