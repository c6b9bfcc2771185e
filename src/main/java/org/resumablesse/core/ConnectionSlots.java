package org.resumablesse.core;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * The {@code max-connections} bound of one node: a slot is taken when a client is admitted and
 * given back when its admission is cancelled or its connection closes.
 *
 * <p>Thread-safe, lock-free.
 */
final class ConnectionSlots {

    private final int max;
    private final AtomicInteger taken = new AtomicInteger();

    ConnectionSlots(int max) {
        this.max = max;
    }

    /** Takes a slot; false when all are taken. */
    boolean tryTake() {
        while (true) {
            int now = taken.get();
            if (now >= max) {
                return false;
            }
            if (taken.compareAndSet(now, now + 1)) {
                return true;
            }
        }
    }

    /** Gives back a slot taken by {@link #tryTake}. */
    void giveBack() {
        taken.decrementAndGet();
    }

    /** Slots taken now. */
    int taken() {
        return taken.get();
    }
}
