package org.resumablesse.spi;

import java.util.Set;
import java.util.function.Predicate;
import org.resumablesse.Audience;

/**
 * Keeps recent events per stream, numbers them in one global order and answers "what came after
 * this position". The contract every implementation keeps:
 *
 * <ul>
 *   <li>Sequences start at 1 and grow by one per append, across all streams.
 *   <li>Each stream keeps at most its capacity of events; older ones are dropped, and the store
 *       remembers the highest sequence it dropped from each stream and the last sequence of each
 *       removed stream, so that a read can tell a gap from an empty stretch. A store may forget
 *       removals to bound its memory, but only by raising a floor below which every unknown stream
 *       reads as dropped: forgetting may report a gap that was not there, never hide one.
 *   <li>Appends are atomic: a read sees an event only together with every event of a lower
 *       sequence, so what a read returns for a set of streams is always a prefix of their merged
 *       order.
 *   <li>The {@linkplain #setAppendListener listener} is told of every append once the event is
 *       readable, outside any lock of the store's (it may publish, read or do I/O without stalling
 *       other appends). Calls may overlap and may arrive out of sequence order; a listener that
 *       needs order reads the store after its own position, which the first rule makes exact. A
 *       read that starts after the listener was told of an event includes it.
 *   <li>The epoch changes whenever the store loses history (for the in-memory store: every start),
 *       so a position from before is never taken for a position now.
 * </ul>
 *
 * <p>Implementations are thread-safe. The engine owns the store's lifecycle and closes it at
 * shutdown.
 */
public interface EventStore extends AutoCloseable {

    /** The current epoch: 16 lowercase hex digits. */
    String epoch();

    /** The last sequence given out, 0 before the first append. */
    long head();

    /**
     * Stores an event at the end of its stream, dropping the stream's oldest one when full, then
     * tells the listener.
     *
     * @return the stored event with its sequence
     */
    StoredEvent append(Audience stream, String name, String data, long timeMillis);

    /**
     * Reads every event with a sequence above {@code afterSequence} in the given streams.
     *
     * @return the events in ascending order, or an incomplete history if any of the streams dropped
     *     an event above that sequence
     */
    default History readAfter(Set<Audience> streams, long afterSequence) {
        return readAfter(streams, afterSequence, Integer.MAX_VALUE);
    }

    /**
     * Reads at most {@code limit} events with a sequence above {@code afterSequence} in the given
     * streams: the first page of them in global order. Fewer than {@code limit} events means every
     * event of these streams up to {@link History#head()} was returned; a full page means the
     * caller reads on after its last event.
     *
     * @param limit one or more
     * @return the events in ascending order, or an incomplete history if any of the streams dropped
     *     an event above that sequence
     */
    History readAfter(Set<Audience> streams, long afterSequence, int limit);

    /**
     * Reads as {@link #readAfter(Set, long, int)} does, for a position taken in the given epoch: if
     * the store's epoch is another one now (a shared store lost its data), the history is
     * incomplete, so a position from before is never read against the numbering after. A shared
     * store checks the epoch atomically with the read.
     */
    default History readAfter(String epoch, Set<Audience> streams, long afterSequence, int limit) {
        return epoch.equals(epoch())
                ? readAfter(streams, afterSequence, limit)
                : History.incomplete(head());
    }

    /**
     * Sets the one listener told of every append, in sequence order. Set before the first append.
     */
    void setAppendListener(AppendListener listener);

    /**
     * Removes a stream and its events (a session expired); reads from before its last event still
     * see it as dropped.
     */
    void removeStream(Audience stream);

    /**
     * Removes topic, user and session streams with no append since {@code idleBeforeMillis} that
     * are not in use; reads from before their last event still see them as dropped. The broadcast
     * stream is never removed. Session streams are included because events may be addressed to a
     * session id that does not exist (any more): without this their streams would be kept for ever.
     *
     * @param followed tells whether a stream is in use: an open connection follows it, or it is the
     *     stream of a live session
     * @return how many streams were removed
     */
    int removeIdleStreams(long idleBeforeMillis, Predicate<Audience> followed);

    /** How much the store holds now. */
    StoreStats stats();

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();

    /**
     * Told of every append once the event is readable, on the appending thread or any other, never
     * under a lock of the store's. Should be quick: it delays the caller of {@code append}.
     */
    @FunctionalInterface
    interface AppendListener {
        void appended(StoredEvent event);

        /**
         * The store may have appended events this listener was not told of: a node fell behind a
         * shared store's feed further than it reaches, lost the store for a while, or the store
         * lost its data. Everyone who follows anything should read the store after its position.
         * The in-memory store never calls it.
         */
        default void missed() {}
    }

    /**
     * What the store holds.
     *
     * @param events events retained in all streams
     * @param bytes what the retained events take, as the store estimates it: at least the UTF-8
     *     bytes of their names and data; the in-memory store counts its objects and the encoded
     *     frames too
     * @param streams streams that hold history
     */
    record StoreStats(long events, long bytes, int streams) {}
}
