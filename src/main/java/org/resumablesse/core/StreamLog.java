package org.resumablesse.core;

/**
 * One stream's retained events, oldest first, with the highest sequence it has dropped and when it
 * was last appended to. Not thread-safe: guarded by its store's lock, changed through {@link
 * Retention} so the store's totals stay true.
 */
final class StreamLog {

    final EventRing events = new EventRing();
    long droppedThrough;
    long lastAppendMillis;

    StreamLog(long droppedThrough) {
        this.droppedThrough = droppedThrough;
    }

    /** The sequence of the oldest retained event; the log must not be empty. */
    long oldestSequence() {
        return events.first().sequence();
    }

    /** The last sequence this stream had: its newest retained event, or what it dropped last. */
    long lastSequence() {
        return events.isEmpty() ? droppedThrough : events.last().sequence();
    }
}
