package org.resumablesse.core;

import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.resumablesse.spi.StoredEvent;

/**
 * One stream's retained events, oldest first, each with the weight (bytes) it was added with, in
 * circular arrays that grow as needed: adding at the end and dropping the oldest cost the same
 * however long it is, and the first event after a sequence is found by binary search (sequences
 * ascend).
 *
 * <p>Not thread-safe: guarded by its store's lock.
 */
final class EventRing implements Iterable<StoredEvent> {

    private StoredEvent[] slots = new StoredEvent[8];
    private long[] weights = new long[8];
    private int first;
    private int size;
    private long totalWeight;

    int size() {
        return size;
    }

    boolean isEmpty() {
        return size == 0;
    }

    /** The weights of all events held. */
    long totalWeight() {
        return totalWeight;
    }

    void add(StoredEvent event, long weight) {
        if (size == slots.length) {
            StoredEvent[] grown = new StoredEvent[slots.length * 2];
            long[] grownWeights = new long[slots.length * 2];
            for (int i = 0; i < size; i++) {
                grown[i] = get(i);
                grownWeights[i] = weights[(first + i) % slots.length];
            }
            slots = grown;
            weights = grownWeights;
            first = 0;
        }
        int slot = (first + size) % slots.length;
        slots[slot] = event;
        weights[slot] = weight;
        totalWeight += weight;
        size++;
    }

    /** The weight the oldest event was added with; the ring must not be empty. */
    long firstWeight() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return weights[first];
    }

    StoredEvent removeFirst() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        StoredEvent oldest = slots[first];
        slots[first] = null;
        totalWeight -= weights[first];
        first = (first + 1) % slots.length;
        size--;
        return oldest;
    }

    StoredEvent first() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return slots[first];
    }

    StoredEvent last() {
        if (size == 0) {
            throw new NoSuchElementException();
        }
        return get(size - 1);
    }

    /** Adds to {@code into}, in order, at most {@code limit} events with a sequence above this. */
    void collectAfter(long afterSequence, int limit, List<StoredEvent> into) {
        int low = 0;
        int high = size;
        while (low < high) {
            int middle = (low + high) >>> 1;
            if (get(middle).sequence() <= afterSequence) {
                low = middle + 1;
            } else {
                high = middle;
            }
        }
        int end = (int) Math.min(size, (long) low + limit);
        for (int i = low; i < end; i++) {
            into.add(get(i));
        }
    }

    private StoredEvent get(int index) {
        return slots[(first + index) % slots.length];
    }

    @Override
    public Iterator<StoredEvent> iterator() {
        return new Iterator<>() {
            private int next;

            @Override
            public boolean hasNext() {
                return next < size;
            }

            @Override
            public StoredEvent next() {
                if (next >= size) {
                    throw new NoSuchElementException();
                }
                return get(next++);
            }
        };
    }
}
