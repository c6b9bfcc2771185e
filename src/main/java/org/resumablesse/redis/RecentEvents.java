package org.resumablesse.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.resumablesse.Audience;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/**
 * The newest events of the global order as this node has seen them, without holes and of one epoch,
 * so that a live read (a connection just behind the head, woken for a new event) is answered
 * without a round trip to Redis, and every connection shares the same event objects (and so their
 * encoded frames). Filled from the feed in order, and with this node's own appends, which may be
 * ahead of the feed and wait (a bounded number) until the feed has caught up to them.
 *
 * <p>A read is answered here only when the answer is what Redis gave at the moment the newest event
 * held here was appended: the position is within what is held, and nothing newer has been seen
 * (given to or told to the listener). It holds at most as many events as a stream keeps, so no
 * event held here can have been trimmed from its stream by events this node has seen. A stream
 * removed on this node empties it; one removed on another node may still be read here as it was
 * before its removal (a consistent earlier state: no event is invented, none skipped). Everything
 * else (an older position, another epoch, newer events seen but not yet here) is read from Redis.
 *
 * <p>Thread-safe.
 */
final class RecentEvents {

    private static final int MAX_EARLY = 1024;

    private final StoredEvent[] ring;
    private final long maxChars;
    private final TreeMap<Long, StoredEvent> early = new TreeMap<>();
    private String epoch = "";
    private long low = 1; // sequences low..high are held; none when high < low
    private long high;
    private long chars;

    /**
     * @param size the most events held, at most the store's capacity per stream
     * @param maxChars the most characters of names and data held (the newest event is always kept)
     */
    RecentEvents(int size, long maxChars) {
        this.ring = new StoredEvent[size];
        this.maxChars = maxChars;
    }

    /** Starts empty at the head of an epoch: the next event held is {@code head + 1}. */
    synchronized void startAt(String epoch, long head) {
        restartAt(epoch, head + 1);
    }

    /**
     * An event the feed brought, in sequence order; a hole in the sequence starts over after it.
     */
    synchronized void fromFeed(StoredEvent event) {
        if (!event.epoch().equals(epoch) || event.sequence() > high + 1) {
            restartAt(event.epoch(), event.sequence());
        }
        if (event.sequence() == high + 1) {
            add(event);
            for (StoredEvent next = early.remove(high + 1);
                    next != null;
                    next = early.remove(high + 1)) {
                add(next);
            }
            early.headMap(high, true).clear();
        }
    }

    /**
     * An event this node appended: held now if it follows on, or kept until the feed catches up.
     */
    synchronized void appended(StoredEvent event) {
        if (!event.epoch().equals(epoch) || event.sequence() <= high) {
            return;
        }
        if (event.sequence() == high + 1) {
            add(event);
        } else if (early.size() < MAX_EARLY) {
            early.put(event.sequence(), event);
        }
    }

    /** Forgets everything held (a stream was removed, or events may have been missed). */
    synchronized void clear() {
        restartAt(epoch, high + 1);
    }

    /**
     * Reads as {@link org.resumablesse.spi.EventStore#readAfter(String, Set, long, int)} would, if
     * what is held answers it.
     *
     * @param seen the highest sequence of {@code epoch} this node has seen
     * @return the history, or null when the read must go to Redis
     */
    synchronized History read(
            String epoch, Set<Audience> streams, long after, int limit, long seen) {
        if (!epoch.equals(this.epoch) || after < low - 1 || after > high || seen > high) {
            return null;
        }
        List<StoredEvent> events = new ArrayList<>();
        for (long sequence = after + 1; sequence <= high && events.size() < limit; sequence++) {
            StoredEvent event = ring[index(sequence)];
            if (streams.contains(event.stream())) {
                events.add(event);
            }
        }
        return new History(events, true, high);
    }

    private void add(StoredEvent event) {
        if (high - low + 1 == ring.length) {
            dropOldest();
        }
        ring[index(event.sequence())] = event;
        high = event.sequence();
        chars += size(event);
        while (chars > maxChars && low < high) {
            dropOldest();
        }
    }

    private void dropOldest() {
        int i = index(low);
        chars -= size(ring[i]);
        ring[i] = null;
        low++;
    }

    private void restartAt(String newEpoch, long next) {
        for (long s = low; s <= high; s++) {
            ring[index(s)] = null;
        }
        early.clear();
        epoch = newEpoch;
        low = next;
        high = next - 1;
        chars = 0;
    }

    private int index(long sequence) {
        return (int) Math.floorMod(sequence, (long) ring.length);
    }

    private static long size(StoredEvent event) {
        return (long) event.name().length() + event.data().length();
    }
}
