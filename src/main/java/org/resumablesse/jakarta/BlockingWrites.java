package org.resumablesse.jakarta;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.SynchronousQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * The pool for writes that may block on a client (a JAX-RS sink's send, OpenLiberty's Servlet
 * writes): a write runs at once on an idle thread or a new one, never queued behind another, so a
 * client that stopped reading holds one thread (until its connection is dropped after {@code
 * write-timeout}) and no one else's write waits for it. The engine keeps at most one write in
 * progress per connection, so the threads are bounded by the open connections; idle ones end after
 * a while. (A queue served by a few threads that grow when they stop making progress was tried and
 * measured worse: writes and drops waited behind blocked ones, and stalled connections stayed
 * open.)
 *
 * <p>Not a managed executor on purpose: a managed executor captures the application's context for
 * every task, which on Payara cost about 50 µs a write. The threads come from the container's
 * managed thread factory, so they carry the application's context. When the factory gives no thread
 * (a container that is stopping refuses new ones), {@code execute} throws {@link
 * RejectedExecutionException}, and callers then write in their own thread. Thread-safe; the owner
 * shuts it down.
 */
final class BlockingWrites {

    private static final long IDLE_SECONDS = 30;

    private BlockingWrites() {}

    /** A new pool on these threads. */
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
