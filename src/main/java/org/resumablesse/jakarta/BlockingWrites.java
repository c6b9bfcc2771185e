package org.resumablesse.jakarta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool for writes that may block on a client: a task runs at once on an idle thread or a new
 * one, never behind another write, so a client that stopped reading holds one thread (until its
 * connection is dropped after {@code write-timeout}) and no one else's write waits for it. The
 * engine keeps at most one write in progress per connection, so the threads are bounded by the open
 * connections; idle ones end after a while.
 *
 * <p>Not a managed executor on purpose: handing it a task costs a queue hand-off, where Payara's
 * managed executor captures the application's context for every task (measured as most of the
 * delivery cost). Its threads come from the container's managed thread factory, so they carry the
 * application's context.
 */
final class BlockingWrites {

    private static final long IDLE_SECONDS = 30;

    private BlockingWrites() {}

    /**
     * A new pool on these threads; the caller shuts it down. When the factory gives no thread (a
     * container that is stopping refuses new ones, as Payara does in a SIGTERM), {@code execute}
     * throws {@link java.util.concurrent.RejectedExecutionException}, and callers then write in
     * their own thread.
     */
    static ExecutorService create(ThreadFactory threads) {
        return new ThreadPoolExecutor(
                0,
                Integer.MAX_VALUE,
                IDLE_SECONDS,
                TimeUnit.SECONDS,
                new SynchronousQueue<>(),
                task -> newThread(threads, task));
    }

    private static Thread newThread(ThreadFactory threads, Runnable task) {
        try {
            return threads.newThread(task);
        } catch (RuntimeException e) {
            return null;
        }
    }
}
