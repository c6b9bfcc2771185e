package org.resumablesse.redis;

/**
 * The highest sequence a node has been given or told of, and its epoch: sent with every append, so
 * that Redis can tell when its counter went back below what this node saw. A new epoch starts over.
 * Thread-safe.
 */
final class HighestSeen {

    private volatile Seen seen = new Seen("", 0);

    /** Notes a sequence of an epoch: kept if it is higher than the one noted, or of a new epoch. */
    synchronized void saw(String epoch, long sequence) {
        if (!epoch.equals(seen.epoch()) || sequence > seen.sequence()) {
            seen = new Seen(epoch, sequence);
        }
    }

    /** The epoch and sequence noted last, read together. */
    Seen now() {
        return seen;
    }

    record Seen(String epoch, long sequence) {}
}
