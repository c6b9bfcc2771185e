package org.resumablesse.core;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import org.resumablesse.Audience;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/**
 * The embedded store: a bounded log per stream in this JVM's memory, a new random epoch at every
 * start.
 *
 * <p>One lock guards appends, reads and removals; the listener is called after the lock is
 * released, so whatever it does (the engine's fan-out) never holds up other appends or reads. A
 * stream's events sit in a ring, so trimming the oldest one costs nothing, and a read finds its
 * start by binary search. What all streams hold together is bounded in bytes too (see {@link
 * Retention}). Thread-safe.
 */
public final class InMemoryEventStore implements EventStore {

    private final int capacity;
    private final int maxStreams;
    private final String epoch;
    // In access order, so the stream used least recently comes first when one must go.
    private final Map<Audience, StreamLog> streams = new LinkedHashMap<>(16, 0.75f, true);
    // Removed streams and the last sequence each had, oldest removal first; bounded like streams.
    private final Map<Audience, Long> removed = new LinkedHashMap<>();
    // Past the bound a removal is forgotten; every stream not known then reads as dropped through
    // here.
    private long forgottenThrough;
    private volatile AppendListener listener = event -> {};
    private final Retention retention;
    private long head;

    /**
     * @param capacity events kept per stream; 0 keeps none (plain live delivery)
     * @param random the source of the epoch
     */
    public InMemoryEventStore(int capacity, SecureRandom random) {
        this(capacity, Integer.MAX_VALUE, Long.MAX_VALUE, random);
    }

    /**
     * @param capacity events kept per stream; 0 keeps none (plain live delivery)
     * @param maxStreams streams kept besides the broadcast stream; past it, the stream used least
     *     recently is removed as if it had expired, so readers of it see a gap
     * @param maxBytes what all streams' events may take in memory together ({@link #stats()}); past
     *     it the oldest events go first, as if trimmed
     * @param random the source of the epoch
     */
    public InMemoryEventStore(int capacity, int maxStreams, long maxBytes, SecureRandom random) {
        if (capacity < 0) {
            throw new IllegalArgumentException("capacity < 0: " + capacity);
        }
        if (maxStreams < 1) {
            throw new IllegalArgumentException("maxStreams < 1: " + maxStreams);
        }
        if (maxBytes < 1) {
            throw new IllegalArgumentException("maxBytes < 1: " + maxBytes);
        }
        this.capacity = capacity;
        this.maxStreams = maxStreams;
        this.retention = new Retention(maxBytes);
        this.epoch = SessionIds.newEpoch(random);
    }

    @Override
    public String epoch() {
        return epoch;
    }

    @Override
    public synchronized long head() {
        return head;
    }

    @Override
    public StoredEvent append(Audience stream, String name, String data, long timeMillis) {
        StoredEvent event = store(stream, name, data, timeMillis);
        listener.appended(event);
        return event;
    }

    private synchronized StoredEvent store(
            Audience stream, String name, String data, long timeMillis) {
        StoredEvent event = new StoredEvent(epoch, ++head, stream, name, data, timeMillis);
        StreamLog log = streams.get(stream);
        if (log == null) {
            log = new StreamLog(takeRemoval(stream));
            streams.put(stream, log);
            evictBeyondLimit(timeMillis);
        }
        log.lastAppendMillis = timeMillis;
        if (capacity > 0) {
            retention.add(log, event);
            if (log.events.size() > capacity) {
                retention.dropOldest(log);
            }
            retention.trimToBudget();
        } else {
            log.droppedThrough = event.sequence();
        }
        return event;
    }

    @Override
    public synchronized History readAfter(Set<Audience> followed, long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        List<StoredEvent> events = new ArrayList<>();
        for (Audience stream : followed) {
            StreamLog log = streams.get(stream);
            long droppedThrough = log != null ? log.droppedThrough : removedThroughOf(stream);
            if (droppedThrough > afterSequence) {
                return History.incomplete(head);
            }
            if (log != null) {
                log.events.collectAfter(afterSequence, limit, events);
            }
        }
        if (followed.size() > 1) {
            events.sort(Comparator.comparingLong(StoredEvent::sequence));
        }
        if (events.size() > limit) {
            events = events.subList(0, limit);
        }
        return new History(events, true, head);
    }

    @Override
    public void setAppendListener(AppendListener listener) {
        this.listener = listener;
    }

    @Override
    public synchronized void removeStream(Audience stream) {
        StreamLog log = streams.remove(stream);
        if (log != null) {
            forget(stream, log);
        }
    }

    @Override
    public synchronized int removeIdleStreams(long idleBeforeMillis, Predicate<Audience> followed) {
        int count = 0;
        for (Iterator<Map.Entry<Audience, StreamLog>> it = streams.entrySet().iterator();
                it.hasNext(); ) {
            Map.Entry<Audience, StreamLog> entry = it.next();
            Audience stream = entry.getKey();
            StreamLog log = entry.getValue();
            boolean removable =
                    stream.kind() != Audience.Kind.BROADCAST
                            && log.lastAppendMillis < idleBeforeMillis
                            && !followed.test(stream);
            if (removable) {
                it.remove();
                forget(stream, log);
                count++;
            }
        }
        return count;
    }

    @Override
    public synchronized StoreStats stats() {
        return new StoreStats(retention.events(), retention.bytes(), streams.size());
    }

    @Override
    public synchronized void close() {
        streams.clear();
        removed.clear();
        forgottenThrough = head;
        retention.clear();
    }

    private void forget(Audience stream, StreamLog log) {
        removed.remove(stream);
        removed.put(stream, log.lastSequence());
        retention.forget(log);
        Iterator<Map.Entry<Audience, Long>> oldest = removed.entrySet().iterator();
        while (removed.size() > maxStreams) {
            forgottenThrough = Math.max(forgottenThrough, oldest.next().getValue());
            oldest.remove();
        }
    }

    /** Removes the least recently used streams, never the broadcast one, until within the limit. */
    private void evictBeyondLimit(long nowMillis) {
        int others = streams.containsKey(Audience.everyone()) ? streams.size() - 1 : streams.size();
        Iterator<Map.Entry<Audience, StreamLog>> it = streams.entrySet().iterator();
        while (others > maxStreams && it.hasNext()) {
            Map.Entry<Audience, StreamLog> entry = it.next();
            if (entry.getKey().kind() != Audience.Kind.BROADCAST) {
                it.remove();
                forget(entry.getKey(), entry.getValue());
                others--;
            }
        }
    }

    /** A recreated stream starts as dropped through its removed predecessor's last event. */
    private long takeRemoval(Audience stream) {
        Long lastSequence = removed.remove(stream);
        return lastSequence == null ? forgottenThrough : lastSequence;
    }

    private long removedThroughOf(Audience stream) {
        return removed.getOrDefault(stream, forgottenThrough);
    }
}
