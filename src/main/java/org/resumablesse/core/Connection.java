package org.resumablesse.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;
import org.resumablesse.Audience;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/**
 * One open stream to one client. Its backlog is not a queue of its own but a position in the store:
 * when woken, it reads the events after that position in the streams it follows and writes all it
 * finds, up to {@code max-pending-bytes}, as one write; when that write completes it reads on. A
 * client that reads slowly therefore costs no memory beyond one write, however far behind it falls;
 * it is closed only when the history it still needs has been trimmed (it then learns of the gap on
 * reconnect), or when a write makes no progress for {@code write-timeout}.
 *
 * <p>A connection starts in hand-over: it is registered for wake-ups before its history is read.
 * {@link #begin} then sets its position to the head that read covered and writes {@code connected},
 * the replay, then the live events above that head, so nothing is lost or doubled.
 *
 * <p>Thread-safe: its state is guarded by its own lock, which is never held while writing. At most
 * one thread builds and writes a batch at a time (the holder of the {@code writing} token).
 */
public final class Connection {

    private enum State {
        HANDOVER,
        LIVE,
        CLOSED
    }

    /** How many events one store read asks for; a write may take several reads. */
    private static final int PAGE = 256;

    private static final long NOT_WRITING = Long.MIN_VALUE;

    private final Session session;
    private final Set<Audience> streams;
    private final Transport transport;
    private final Delivery delivery;
    private final BiConsumer<Connection, CloseCause> onClose;
    private final Object lock = new Object();
    // Frames written before anything else: connected, a heartbeat, the last retry hint.
    private final ArrayDeque<EventFrame> frames = new ArrayDeque<>(2);
    private List<StoredEvent> replay = List.of();
    private int replayWritten;
    private long position;
    // The store epoch the position belongs to; a read in another epoch finds a gap.
    private String epoch = "";
    private boolean dirty;
    private boolean writing;
    private State state = State.HANDOVER;
    private CloseCause closeWhenDone;
    // When the write in progress started (ticker nanos), or NOT_WRITING; read by the watchdog.
    private volatile long writingSince = NOT_WRITING;

    Connection(
            Session session,
            Set<Audience> streams,
            Transport transport,
            Delivery delivery,
            BiConsumer<Connection, CloseCause> onClose) {
        this.session = session;
        this.streams = Set.copyOf(streams);
        this.transport = transport;
        this.delivery = delivery;
        this.onClose = onClose;
    }

    private String epoch() {
        synchronized (lock) {
            return epoch;
        }
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

    /**
     * The adapter saw the client leave: closes the connection now (cause {@code client-gone}), so
     * the open-connection count is true and the session's TTL starts. Idempotent.
     */
    public void clientGone() {
        close(CloseCause.CLIENT_GONE);
    }

    /**
     * Notes that events after this connection's position may be waiting. Never blocks.
     *
     * @return true when the caller should {@link #pump}: no write is in progress to pick them up
     */
    boolean wake() {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return false;
            }
            dirty = true;
            return state == State.LIVE && !writing;
        }
    }

    /**
     * Ends the hand-over: writes the {@code connected} frame, the replay, then the live events with
     * a sequence above {@code deliveredThrough}.
     */
    void begin(
            EventFrame connected, List<StoredEvent> replay, String epoch, long deliveredThrough) {
        synchronized (lock) {
            if (state != State.HANDOVER) {
                return;
            }
            frames.add(connected);
            this.replay = replay;
            this.epoch = epoch;
            position = deliveredThrough;
            dirty = true;
            state = State.LIVE;
        }
        pump();
    }

    /**
     * Closes the connection if its write has made no progress for longer than the timeout or its
     * client is gone; otherwise writes a heartbeat if it is idle. Never waits for the client.
     */
    void heartbeat(long writeTimeoutMillis) {
        if (closeIfStalled(writeTimeoutMillis)) {
            return;
        }
        if (!transport.isOpen()) {
            close(CloseCause.CLIENT_GONE);
            return;
        }
        synchronized (lock) {
            if (state != State.LIVE || writing || dirty || closeWhenDone != null) {
                return;
            }
            frames.add(Frames.HEARTBEAT);
        }
        pump();
    }

    /**
     * Closes the connection if its write has made no progress for longer than the timeout.
     *
     * @return true if it was closed
     */
    boolean closeIfStalled(long writeTimeoutMillis) {
        long since = writingSince;
        if (since != NOT_WRITING
                && delivery.ticker().nanos() - since
                        > TimeUnit.MILLISECONDS.toNanos(writeTimeoutMillis)) {
            close(CloseCause.WRITE_FAILURE);
            return true;
        }
        return false;
    }

    /** Writes a last frame, then closes; what was not written yet is left for the reconnect. */
    void finish(EventFrame last, CloseCause cause) {
        synchronized (lock) {
            if (state == State.CLOSED || closeWhenDone != null) {
                return;
            }
            state = State.LIVE;
            replay = List.of();
            dirty = false;
            frames.add(last);
            closeWhenDone = cause;
        }
        pump();
    }

    /** Closes now; the client recovers what it missed by reconnecting. Idempotent. */
    void close(CloseCause cause) {
        synchronized (lock) {
            if (state == State.CLOSED) {
                return;
            }
            state = State.CLOSED;
            frames.clear();
            replay = List.of();
        }
        writingSince = NOT_WRITING;
        onClose.accept(this, cause);
        transport.close();
    }

    /**
     * Writes what is waiting, batch after batch, until nothing is left or a write is still in
     * progress (its completion pumps again). Safe to call from any thread at any time.
     */
    void pump() {
        try {
            while (true) {
                Batch batch = claimBatch();
                if (batch == null) {
                    return;
                }
                Written written = new Written(batch.events);
                writingSince = delivery.ticker().nanos();
                try {
                    transport.write(batch.frames, written);
                } catch (RuntimeException e) {
                    written.failed(e);
                }
                if (!written.completedWithinWrite()) {
                    return;
                }
            }
        } catch (RuntimeException e) {
            close(CloseCause.WRITE_FAILURE);
        }
    }

    /**
     * Takes the writing token and gathers the next batch, or returns null when there is nothing to
     * write (closing the connection if it was only waiting to finish).
     */
    private Batch claimBatch() {
        while (true) {
            Batch batch = new Batch();
            long from;
            boolean readLive;
            synchronized (lock) {
                if (state != State.LIVE || writing) {
                    return null;
                }
                writing = true;
                int max = delivery.maxPendingBytes();
                while (!frames.isEmpty() && batch.fits(frames.peek(), max)) {
                    batch.add(frames.poll(), false);
                }
                while (replayWritten < replay.size()) {
                    EventFrame frame =
                            Frames.replayed(replay.get(replayWritten), delivery.replayMarkers());
                    if (!batch.fits(frame, max)) {
                        break;
                    }
                    batch.add(frame, true);
                    replayWritten++;
                }
                if (replayWritten == replay.size()) {
                    replay = List.of();
                    replayWritten = 0;
                }
                readLive =
                        dirty
                                && closeWhenDone == null
                                && frames.isEmpty()
                                && replay.isEmpty()
                                && batch.bytes < max;
                if (readLive) {
                    dirty = false;
                }
                from = position;
            }
            if (readLive && !readLive(from, batch)) {
                return null;
            }
            if (!batch.frames.isEmpty()) {
                return batch;
            }
            CloseCause finished;
            synchronized (lock) {
                writing = false;
                if (state == State.LIVE && (dirty || !frames.isEmpty())) {
                    continue;
                }
                finished = state == State.LIVE ? closeWhenDone : null;
            }
            if (finished != null) {
                close(finished);
            }
            return null;
        }
    }

    /**
     * Adds to the batch the live events after {@code from}, as many as fit, and moves the position
     * past them.
     *
     * @return false if the history this connection needs is gone; it is then closed
     */
    private boolean readLive(long from, Batch batch) {
        long through = from;
        boolean more = false;
        while (!more) {
            History page = delivery.store().readAfter(epoch(), streams, through, PAGE);
            if (!page.complete()) {
                if (!batch.frames.isEmpty()) {
                    // What is gathered goes out first; the next read finds the gap again.
                    more = true;
                    break;
                }
                close(CloseCause.TOO_SLOW);
                return false;
            }
            for (StoredEvent event : page.events()) {
                EventFrame frame = Frames.live(event);
                if (!batch.fits(frame, delivery.maxPendingBytes())) {
                    more = true;
                    break;
                }
                batch.add(frame, true);
                through = event.sequence();
            }
            if (!more && page.events().size() < PAGE) {
                through = Math.max(through, page.head());
                break;
            }
        }
        synchronized (lock) {
            position = through;
            dirty |= more;
        }
        return true;
    }

    /** Ends a write: frees the token and counts what was delivered. */
    private void finishWrite(int events) {
        writingSince = NOT_WRITING;
        synchronized (lock) {
            writing = false;
        }
        if (events > 0) {
            delivery.metrics().delivered(events);
        }
    }

    /** Frames gathered for one write, and how many of them are events. Not thread-safe. */
    private static final class Batch {
        final List<EventFrame> frames = new ArrayList<>();
        int events;
        long bytes;

        /** True if the frame fits within the bound; the first frame always does. */
        boolean fits(EventFrame frame, int maxBytes) {
            return frames.isEmpty() || bytes + frame.size() <= maxBytes;
        }

        void add(EventFrame frame, boolean event) {
            frames.add(frame);
            bytes += frame.size();
            if (event) {
                events++;
            }
        }
    }

    /**
     * The completion of one write. If it completes before {@code write} returns, the pumping thread
     * carries on with the next batch; otherwise the completing thread pumps. So a transport that
     * completes synchronously never deepens the stack, and exactly one thread goes on.
     */
    private final class Written implements Transport.Completion {
        private static final int IN_WRITE = 0;
        private static final int RETURNED = 1;
        private static final int DONE_IN_WRITE = 2;

        private final AtomicInteger phase = new AtomicInteger(IN_WRITE);
        private final AtomicBoolean reported = new AtomicBoolean();
        private final int events;

        Written(int events) {
            this.events = events;
        }

        @Override
        public void written() {
            if (reported.getAndSet(true)) {
                return;
            }
            finishWrite(events);
            if (!phase.compareAndSet(IN_WRITE, DONE_IN_WRITE)) {
                pump();
            }
        }

        @Override
        public void failed(Throwable error) {
            if (reported.getAndSet(true)) {
                return;
            }
            phase.compareAndSet(IN_WRITE, DONE_IN_WRITE);
            close(CloseCause.WRITE_FAILURE);
        }

        /** Called once {@code write} has returned: true if the write completed within it. */
        boolean completedWithinWrite() {
            return !phase.compareAndSet(IN_WRITE, RETURNED);
        }
    }
}
