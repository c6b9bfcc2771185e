package org.resumablesse.jakarta;

import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The pool for writes that may block on a client (a JAX-RS sink's send, OpenLiberty's Servlet
 * writes). A few threads take writes from one queue, so a burst of writes to many connections costs
 * a queue hand-off each, not a thread wake-up each. A write that blocks (a client stopped reading)
 * holds its thread; when the pool has made no progress for {@link #STUCK_NANOS} while writes wait,
 * the next submission adds a thread, and a thread whose long write ends gives its place back. So a
 * stalled client holds one thread (until its connection is dropped after {@code write-timeout}) and
 * no one else's write waits for it for long. The engine keeps at most one write in progress per
 * connection, so the queue and the threads are bounded by the open connections.
 *
 * <p>Not a managed executor on purpose: a managed executor captures the application's context for
 * every task, which on Payara cost about 50 µs a write. The threads come from the container's
 * managed thread factory, so they carry the application's context. When the factory gives no thread
 * (a container that is stopping refuses new ones), {@code execute} throws {@link
 * RejectedExecutionException}, and callers then write in their own thread. Thread-safe; the owner
 * shuts it down.
 */
final class BlockingWrites extends ThreadPoolExecutor {

    /** No write finished for this long while others wait: the busy threads are blocked. */
    static final long STUCK_NANOS = TimeUnit.MILLISECONDS.toNanos(20);

    private static final long IDLE_SECONDS = 30;
    private static final int MOST_THREADS = 10_000;

    private final int base;
    private final AtomicLong lastProgress = new AtomicLong(System.nanoTime());
    private final ThreadLocal<long[]> started = ThreadLocal.withInitial(() -> new long[1]);

    BlockingWrites(ThreadFactory threads) {
        this(threads, Math.max(2, Runtime.getRuntime().availableProcessors()));
    }

    BlockingWrites(ThreadFactory threads, int base) {
        super(
                base,
                MOST_THREADS,
                IDLE_SECONDS,
                TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(),
                task -> newThread(threads, task));
        this.base = base;
        allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable write) {
        super.execute(write);
        if (getPoolSize() == 0 && getQueue().remove(write)) {
            // The factory gave no thread, so nothing would ever take the write.
            throw new RejectedExecutionException("no thread for writes");
        }
        long now = System.nanoTime();
        if (now - lastProgress.get() > STUCK_NANOS
                && !getQueue().isEmpty()
                && getActiveCount() >= getCorePoolSize()) {
            lastProgress.set(now);
            grow();
        }
    }

    @Override
    protected void beforeExecute(Thread thread, Runnable write) {
        started.get()[0] = System.nanoTime();
    }

    @Override
    protected void afterExecute(Runnable write, Throwable error) {
        long now = System.nanoTime();
        lastProgress.set(now);
        if (now - started.get()[0] > STUCK_NANOS) {
            shrink();
        }
    }

    private synchronized void grow() {
        int size = getCorePoolSize();
        if (size < MOST_THREADS) {
            setCorePoolSize(size + 1);
        }
    }

    private synchronized void shrink() {
        int size = getCorePoolSize();
        if (size > base) {
            setCorePoolSize(size - 1);
        }
    }

    private static Thread newThread(ThreadFactory threads, Runnable task) {
        try {
            return threads.newThread(task);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
