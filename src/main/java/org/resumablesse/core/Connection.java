package org.resumablesse.core;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import org.resumablesse.Audience;
import org.resumablesse.spi.StoredEvent;

/**
 * One open stream to one client: the streams it follows, a bounded queue of frames waiting to be
 * written, and the hand-over from replay to live delivery.
 *
 * <p>A connection starts in hand-over: live events that arrive while its history is read wait
 * aside. {@link #begin} then queues the {@code connected} frame, the replay, and the waiting live
 * events newer than the replay, so nothing is lost or doubled. Frames are written by a drain task
 * on the delivery executor, never on a publisher's thread; a client that falls more than {@code
 * max-queued-events} behind is closed and recovers by reconnecting.
 *
 * <p>Thread-safe: its state is guarded by its own lock, which is never held while writing.
 */
public final class Connection {

    private enum State {
        HANDOVER,
        LIVE,
        CLOSED
    }

    private final Session session;
    private final Set<Audience> streams;
    private final Transport transport;
    private final Executor executor;
    private final int maxQueued;
    private final EngineMetrics metrics;
    private final Clock clock;
    private final BiConsumer<Connection, CloseCause> onClose;
    private final Object lock = new Object();
    private final ArrayDeque<EventFrame> queue = new ArrayDeque<>();
    private List<StoredEvent> waiting = new ArrayList<>();
    private State state = State.HANDOVER;
    private boolean draining;
    // The replay may be longer than max-queued-events: the frames of it not yet written are
    // allowed on top of the bound, which applies to the live backlog.
    private int replayUnwritten;
    private CloseCause closeWhenDrained;
    // When the write in progress started (clock millis), or -1 when none is; read by the watchdog.
    private volatile long writingSince = -1;

    Connection(
            Session session,
            Set<Audience> streams,
            Transport transport,
            Executor executor,
            int maxQueued,
            EngineMetrics metrics,
            Clock clock,
            BiConsumer<Connection, CloseCause> onClose) {
        this.clock = clock;
        this.session = session;
        this.streams = Set.copyOf(streams);
        this.transport = transport;
        this.executor = executor;
        this.maxQueued = maxQueued;
        this.metrics = metrics;
        this.onClose = onClose;
    }

    /** The session, or null when reconnection is disabled. */
    public Session session() {
        return session;
    }

    /** The streams this connection follows. */
    public Set<Audience> streams() {
        return streams;
    }

    /** True until the connection is closed. */
    public boolean isOpen() {
        synchronized (lock) {
            return state != State.CLOSED;
        }
    }

    /** Takes a live event addressed to one of this connection's streams. Never blocks. */
    void offer(StoredEvent event) {
        synchronized (lock) {
            if (state == State.HANDOVER) {
                waiting.add(event);
                if (waiting.size() <= maxQueued) {
                    return;
                }
            } else if (state == State.LIVE && closeWhenDrained == null) {
                queue.add(Frames.live(event));
                if (queue.size() <= maxQueued + replayUnwritten) {
                    scheduleDrain();
                    return;
                }
            } else {
                return;
            }
        }
        closeLater(CloseCause.TOO_SLOW);
    }

    /**
     * Ends the hand-over: queues the {@code connected} frame, the replay, then the live events that
     * arrived meanwhile with a sequence above {@code deliveredThrough}.
     */
    void begin(EventFrame connected, List<EventFrame> replay, long deliveredThrough) {
        synchronized (lock) {
            if (state != State.HANDOVER) {
                return;
            }
            queue.add(connected);
            queue.addAll(replay);
            replayUnwritten = queue.size();
            for (StoredEvent event : waiting) {
                if (event.sequence() > deliveredThrough) {
                    queue.add(Frames.live(event));
                }
            }
            waiting = null;
            state = State.LIVE;
            scheduleDrain();
        }
    }

    /**
     * Queues a heartbeat unless frames are already waiting, which prove the connection alive
     * anyway.
     */
    void heartbeat(long writeTimeoutMillis) {
        long since = writingSince;
        if (since >= 0 && clock.millis() - since > writeTimeoutMillis) {
            // A write that blocks (a client that stopped reading) holds only this connection.
            close(CloseCause.WRITE_FAILURE);
            return;
        }
        if (!transport.isOpen()) {
            close(CloseCause.CLIENT_GONE);
            return;
        }
        synchronized (lock) {
            if (state == State.LIVE && queue.isEmpty() && closeWhenDrained == null) {
                queue.add(Frames.HEARTBEAT);
                scheduleDrain();
            }
        }
    }

    /** Queues a last frame, then closes once everything queued is written. */
    void finish(EventFrame last, CloseCause cause) {
        synchronized (lock) {
            if (state == State.CLOSED || closeWhenDrained != null) {
                return;
            }
            if (state == State.HANDOVER) {
                state = State.LIVE;
                waiting = null;
            }
            queue.add(last);
            closeWhenDrained = cause;
            scheduleDrain();
        }
    }

    /** The adapter saw the client leave: closes with cause CLIENT_GONE. */
    public void clientGone() {
        close(CloseCause.CLIENT_GONE);
    }

    /** Closes now, dropping what is queued; the client recovers it by reconnecting. Idempotent. */
    void close(CloseCause cause) {
        if (markClosed(cause)) {
            transport.close();
        }
    }

    /**
     * Closes like {@link #close}, but ends the response on the delivery executor: the caller holds
     * the store's lock and must not wait for a transport.
     */
    private void closeLater(CloseCause cause) {
        if (markClosed(cause)) {
            try {
                executor.execute(transport::close);
            } catch (RejectedExecutionException e) {
                transport.close();
            }
        }
    }

    private boolean markClosed(CloseCause cause) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            state = State.CLOSED;
            queue.clear();
            waiting = null;
        }
        onClose.accept(this, cause);
        return true;
    }

    private void scheduleDrain() {
        if (draining) {
            return;
        }
        draining = true;
        try {
            executor.execute(this::drain);
        } catch (RejectedExecutionException e) {
            draining = false;
            close(CloseCause.SHUTDOWN);
        }
    }

    private void drain() {
        while (true) {
            EventFrame frame;
            CloseCause finished = null;
            synchronized (lock) {
                frame = state == State.CLOSED ? null : queue.poll();
                if (frame != null && replayUnwritten > 0) {
                    replayUnwritten--;
                }
                if (frame == null) {
                    draining = false;
                    finished = state == State.LIVE ? closeWhenDrained : null;
                }
            }
            if (frame == null) {
                if (finished != null) {
                    close(finished);
                }
                return;
            }
            writingSince = clock.millis();
            try {
                // Shim for the old engine: waits for the new asynchronous write.
                CompletableFuture<Void> written = new CompletableFuture<>();
                transport.write(
                        List.of(frame),
                        new Transport.Completion() {
                            @Override
                            public void written() {
                                written.complete(null);
                            }

                            @Override
                            public void failed(Throwable error) {
                                written.completeExceptionally(error);
                            }
                        });
                written.get();
            } catch (Exception e) {
                close(CloseCause.WRITE_FAILURE);
                return;
            } finally {
                writingSince = -1;
            }
            if (frame.name() != null
                    && frame != Frames.HEARTBEAT
                    && !Frames.CONNECTED.equals(frame.name())) {
                metrics.delivered();
            }
        }
    }
}
