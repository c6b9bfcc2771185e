package org.resumablesse.client;

import java.io.IOException;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A resumable event source: follows one stream URL with its topics, keeps the cursor (the last
 * event id) and the session token, reconnects after a drop with the server's {@code retry:} delay
 * and, after failed attempts, with capped exponential backoff and full jitter, and reports every
 * {@code connected} status. Each attempt sends the cursor, so a recovered client gets exactly the
 * events it missed; a client that is not recovered is told so in {@link ConnectedStatus}.
 *
 * <p>Created by {@link ResumableEventSourceBuilder}; nothing is sent before {@link #open()}. {@link
 * #close()} ends it for good, and closes the JAX-RS client and scheduler it made itself (never
 * those it was given).
 *
 * <p>Thread-safe. Handlers run one at a time, in stream order, on the JAX-RS implementation's
 * thread, while the source's lock is held: a handler should not block for long, and {@link
 * #close()} from another thread waits for a running handler. The cursor moves past an event just
 * before its handler runs, so an event whose handler throws is not delivered again.
 */
public final class ResumableEventSource implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(ResumableEventSource.class.getName());

    private final StreamConnector connector;
    private final Backoff backoff;
    private final Scheduler scheduler;
    private final List<String> topics;
    private final Handlers handlers;
    private final long idleMillis;
    private final LongSupplier nanoClock;
    // Written by reading threads without the lock: a late write from an ended attempt only delays
    // the next idle check of the current one.
    private volatile long lastActivityNanos;

    // All guarded by this.
    private String cursor;
    private boolean cursorFromStore;
    private String token;

    /** The event a server refuses a client with, to come back after a delay. */
    static final String REFUSED = "refused";

    private long retryMillis = -1;
    private long retryAfterMillis = -1;
    // The in-band refusal the current attempt received, or null.
    private StreamRefusedException refused;
    private int failures;
    private int generation;
    private boolean attemptConnected;
    private AutoCloseable current;
    private ConnectedStatus status;
    private boolean opened;
    private boolean closed;

    ResumableEventSource(
            StreamConnector connector,
            Backoff backoff,
            Scheduler scheduler,
            List<String> topics,
            String cursor,
            String token,
            Handlers handlers,
            long idleMillis,
            LongSupplier nanoClock) {
        this.connector = connector;
        this.backoff = backoff;
        this.scheduler = scheduler;
        this.topics = List.copyOf(topics);
        this.cursor = cursor;
        this.cursorFromStore = cursor != null;
        this.token = token;
        this.handlers = handlers;
        this.idleMillis = idleMillis;
        this.nanoClock = nanoClock;
    }

    /**
     * A builder for a source on this stream URL, for example {@code
     * http://localhost:8080/app/api/events}; topics and the cursor are added as query parameters.
     *
     * @param events the stream's absolute URL, without query; not null
     */
    public static ResumableEventSourceBuilder builder(URI events) {
        return new ResumableEventSourceBuilder(events);
    }

    /**
     * Starts connecting, on the source's scheduler; returns at once.
     *
     * @throws IllegalStateException if already opened or closed
     */
    public synchronized void open() {
        if (opened || closed) {
            throw new IllegalStateException(closed ? "closed" : "already open");
        }
        opened = true;
        scheduler.schedule(this::connect, 0);
    }

    /** The id of the last event received, {@code connected} included; null before the first. */
    public synchronized String lastEventId() {
        return cursor;
    }

    /** The session token the server gave (or the one the builder was given); null before any. */
    public synchronized String sessionToken() {
        return token;
    }

    /** What the last {@code connected} event said; empty before the first. */
    public synchronized Optional<ConnectedStatus> status() {
        return Optional.ofNullable(status);
    }

    /** Whether the current attempt has received its {@code connected} event and not ended. */
    public synchronized boolean isConnected() {
        return attemptConnected && current != null && !closed;
    }

    /** Ends the stream and every later attempt; idempotent. */
    @Override
    public void close() {
        AutoCloseable attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            generation++;
            attempt = current;
            current = null;
        }
        closeQuietly(attempt);
        scheduler.close();
        connector.close();
    }

    private void connect() {
        StreamConnector.Request request;
        int attempt;
        synchronized (this) {
            if (closed) {
                return;
            }
            attempt = ++generation;
            attemptConnected = false;
            lastActivityNanos = nanoClock.getAsLong();
            request =
                    new StreamConnector.Request(
                            topics,
                            cursorFromStore ? cursor : null,
                            cursorFromStore ? null : cursor,
                            token);
        }
        if (idleMillis > 0) {
            scheduler.schedule(() -> checkIdle(attempt), idleMillis);
        }
        AutoCloseable handle = connector.connect(request, new Attempt(attempt));
        synchronized (this) {
            if (attempt == generation && !closed) {
                current = handle;
                return;
            }
        }
        closeQuietly(handle);
    }

    /**
     * Ends an attempt that received nothing, not even a heartbeat, for the idle timeout: its
     * connection is likely half-open (a peer or a middlebox gone without a FIN), which no read
     * would ever report.
     */
    private void checkIdle(int attempt) {
        long idle;
        synchronized (this) {
            if (attempt != generation || closed) {
                return;
            }
            idle = (nanoClock.getAsLong() - lastActivityNanos) / 1_000_000;
        }
        if (idle < idleMillis) {
            scheduler.schedule(() -> checkIdle(attempt), idleMillis - idle);
        } else {
            ended(attempt, new IOException("nothing received for " + idle + " ms"));
        }
    }

    private void ended(int attempt, Throwable cause) {
        AutoCloseable handle;
        long delay;
        synchronized (this) {
            if (attempt != generation || closed) {
                return;
            }
            generation++;
            handle = current;
            current = null;
            if (!attemptConnected) {
                failures++;
            }
            attemptConnected = false;
            delay = backoff.delayMillis(failures, retryMillis, retryAfterMillis);
            retryAfterMillis = -1;
            call(handlers.onDisconnected(), cause == null && refused != null ? refused : cause);
            refused = null;
        }
        scheduler.schedule(() -> closeQuietly(handle), 0);
        scheduler.schedule(this::connect, delay);
    }

    private synchronized void response(int attempt, int status, String newToken, long retryAfter) {
        if (attempt != generation || closed) {
            return;
        }
        if (status == 200 && newToken != null) {
            token = newToken;
        }
        retryAfterMillis = retryAfter;
    }

    private synchronized void event(int attempt, String name, String id, String data, long retry) {
        if (attempt != generation || closed) {
            return;
        }
        lastActivityNanos = nanoClock.getAsLong();
        if (name.equals(REFUSED) && id == null) {
            // Come back after the hint, once; the reconnection delay stays the server's usual one.
            long hint = retry >= 0 ? retry : Refusal.retryMillis(data);
            retryAfterMillis = Math.max(retryAfterMillis, hint);
            refused = new StreamRefusedException(Refusal.reason(data), hint);
            return;
        }
        if (retry >= 0) {
            retryMillis = retry;
        }
        if (id == null) {
            return; // a bare retry hint: the server is going away
        }
        cursor = id;
        cursorFromStore = false;
        if (name.equals("connected")) {
            status = ConnectedStatus.parse(data, id);
            failures = 0;
            attemptConnected = true;
            call(handlers.onConnected(), status);
        } else {
            call(handlers.onEvent(), new ResumableEvent(name, id, data));
        }
    }

    private static <T> void call(Consumer<T> handler, T value) {
        try {
            handler.accept(value);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "A resumable event source handler failed", e);
        }
    }

    private static void closeQuietly(AutoCloseable closeable) {
        if (closeable == null) {
            return;
        }
        try {
            closeable.close();
        } catch (Exception e) {
            LOG.log(System.Logger.Level.DEBUG, "Closing a stream attempt failed", e);
        }
    }

    /** The listener of one attempt: everything it reports is dropped once the attempt is over. */
    private final class Attempt implements StreamConnector.Listener {
        private final int number;

        Attempt(int number) {
            this.number = number;
        }

        @Override
        public void response(int status, String token, long retryAfterMillis) {
            ResumableEventSource.this.response(number, status, token, retryAfterMillis);
        }

        @Override
        public void event(String name, String id, String data, long retryMillis) {
            ResumableEventSource.this.event(number, name, id, data, retryMillis);
        }

        @Override
        public void activity() {
            lastActivityNanos = nanoClock.getAsLong();
        }

        @Override
        public void ended(Throwable cause) {
            ResumableEventSource.this.ended(number, cause);
        }
    }
}
