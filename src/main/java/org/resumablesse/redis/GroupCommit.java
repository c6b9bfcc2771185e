package org.resumablesse.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import java.util.function.ToIntFunction;

/**
 * Lets concurrent callers share round trips: each caller queues its item, and whichever caller
 * finds no batch in flight commits everything queued (oldest first, up to a batch's bounds) in one
 * call, then hands each caller its own result. A caller alone commits its own item at once, on its
 * own thread; no thread of this class's own is involved. Items are committed in the order they were
 * queued, so one caller's successive items keep their order.
 *
 * <p>When a commit throws, every caller of that batch gets the exception (the same instance). An
 * interrupt does not abandon a queued item: the caller waits for its result and keeps the interrupt
 * flag set.
 *
 * <p>Thread-safe. Stateless between calls apart from the queue; nothing to close.
 *
 * @param <T> an item (not null)
 * @param <R> the result of one item
 */
final class GroupCommit<T, R> {

    private final Function<List<T>, List<R>> commit;
    private final int maxItems;
    private final long maxWeight;
    private final ToIntFunction<T> weight;
    private final ReentrantLock committing = new ReentrantLock();
    private final ConcurrentLinkedQueue<Pending<T, R>> queue = new ConcurrentLinkedQueue<>();

    /**
     * @param commit commits a batch and returns one result per item, in the items' order
     * @param maxItems the most items in one batch, one or more
     * @param maxWeight a batch holds more than one item only while their weights add up to at most
     *     this
     * @param weight an item's weight, such as its size in bytes
     */
    GroupCommit(
            Function<List<T>, List<R>> commit,
            int maxItems,
            long maxWeight,
            ToIntFunction<T> weight) {
        if (maxItems < 1) {
            throw new IllegalArgumentException("maxItems < 1: " + maxItems);
        }
        this.commit = commit;
        this.maxItems = maxItems;
        this.maxWeight = maxWeight;
        this.weight = weight;
    }

    /**
     * Commits the item, alone or with others queued meanwhile, and returns its result.
     *
     * @throws RuntimeException what the batch's commit threw
     */
    R submit(T item) {
        Pending<T, R> mine = new Pending<>(item, Thread.currentThread());
        queue.add(mine);
        boolean interrupted = false;
        while (!mine.done) {
            if (committing.tryLock()) {
                try {
                    while (!mine.done) {
                        commitNextBatch();
                    }
                } finally {
                    committing.unlock();
                }
                // Whoever queued while this thread committed may have found the lock taken: the
                // oldest of them takes over (after the unlock, so it cannot miss it).
                Pending<T, R> next = queue.peek();
                if (next != null) {
                    LockSupport.unpark(next.thread);
                }
            } else {
                LockSupport.park(this);
                interrupted |= Thread.interrupted();
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
        if (mine.failure != null) {
            throw mine.failure;
        }
        return mine.result;
    }

    private void commitNextBatch() {
        List<Pending<T, R>> batch = new ArrayList<>();
        long batchWeight = 0;
        for (Pending<T, R> next = queue.peek();
                next != null && batch.size() < maxItems;
                next = queue.peek()) {
            batchWeight += weight.applyAsInt(next.item);
            if (!batch.isEmpty() && batchWeight > maxWeight) {
                break;
            }
            batch.add(queue.poll());
        }
        List<T> items = new ArrayList<>(batch.size());
        batch.forEach(p -> items.add(p.item));
        try {
            List<R> results = commit.apply(items);
            if (results.size() != batch.size()) {
                throw new IllegalStateException(
                        results.size() + " results for " + batch.size() + " items");
            }
            for (int i = 0; i < batch.size(); i++) {
                batch.get(i).finish(results.get(i), null);
            }
        } catch (RuntimeException e) {
            batch.forEach(p -> p.finish(null, e));
        } catch (Error e) {
            batch.forEach(p -> p.finish(null, new IllegalStateException(e)));
            throw e;
        }
    }

    /** One queued item; written by the committing thread, read by its caller after {@code done}. */
    private static final class Pending<T, R> {
        final T item;
        final Thread thread;
        R result;
        RuntimeException failure;
        volatile boolean done;

        Pending(T item, Thread thread) {
            this.item = item;
            this.thread = thread;
        }

        void finish(R result, RuntimeException failure) {
            this.result = result;
            this.failure = failure;
            done = true;
            LockSupport.unpark(thread);
        }
    }
}
