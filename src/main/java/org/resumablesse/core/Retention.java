package org.resumablesse.core;

import java.util.Comparator;
import java.util.TreeSet;
import org.resumablesse.spi.StoredEvent;

/**
 * What a store's history holds: how many events, what they take in memory, and which stream holds
 * the oldest one. Past the byte budget, the oldest events of all streams go first, and each drop is
 * recorded in its stream like any trim, so readers see the gap.
 *
 * <p>Not thread-safe: guarded by the store's lock.
 */
final class Retention {

    // A retained event: the event object, its id text in the frame, the frame object and array.
    private static final long EVENT_OVERHEAD = 56 + 76 + 40 + 16;
    private static final long STRING_OVERHEAD = 40;

    private final long maxBytes;
    // Every log that holds events, by the sequence of its oldest one (sequences are unique).
    private final TreeSet<StreamLog> byOldest =
            new TreeSet<>(Comparator.comparingLong(StreamLog::oldestSequence));
    private long events;
    private long bytes;

    /**
     * @param maxBytes the budget for all streams together
     */
    Retention(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    long events() {
        return events;
    }

    long bytes() {
        return bytes;
    }

    void add(StreamLog log, StoredEvent event) {
        boolean wasEmpty = log.events.isEmpty();
        long weight = footprint(event);
        log.events.add(event, weight);
        if (wasEmpty) {
            byOldest.add(log);
        }
        events++;
        bytes += weight;
    }

    /** Drops the log's oldest event and records it as dropped. */
    void dropOldest(StreamLog log) {
        byOldest.remove(log);
        bytes -= log.events.firstWeight();
        StoredEvent oldest = log.events.removeFirst();
        log.droppedThrough = oldest.sequence();
        if (!log.events.isEmpty()) {
            byOldest.add(log);
        }
        events--;
    }

    /** Drops the oldest events of all streams until within the budget; never the newest one. */
    void trimToBudget() {
        while (bytes > maxBytes && events > 1) {
            dropOldest(byOldest.first());
        }
    }

    /** Stops counting a log that is removed whole. */
    void forget(StreamLog log) {
        if (log.events.isEmpty()) {
            return;
        }
        byOldest.remove(log);
        bytes -= log.events.totalWeight();
        events -= log.events.size();
    }

    void clear() {
        byOldest.clear();
        events = 0;
        bytes = 0;
    }

    /**
     * What one retained event takes in the heap, estimated: the event, its name and data as the JVM
     * keeps strings, and the encoded frame every connection shares.
     */
    static long footprint(StoredEvent event) {
        return EVENT_OVERHEAD
                + stringBytes(event.name())
                + stringBytes(event.data())
                + EventFrameEncoder.eventSize(event.name(), event.data());
    }

    private static long stringBytes(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) > 0xFF) {
                return STRING_OVERHEAD + 2L * text.length();
            }
        }
        return STRING_OVERHEAD + text.length();
    }
}
