package org.resumablesse.client;

import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/** A {@link Scheduler} on a {@link ScheduledExecutorService}. */
final class ExecutorScheduler implements Scheduler {

    private final ScheduledExecutorService executor;
    private final boolean own;

    private ExecutorScheduler(ScheduledExecutorService executor, boolean own) {
        this.executor = executor;
        this.own = own;
    }

    /** On a daemon thread of its own, stopped with the source. */
    static ExecutorScheduler own() {
        return new ExecutorScheduler(
                Executors.newSingleThreadScheduledExecutor(
                        task -> {
                            Thread thread = new Thread(task, "resumable-sse-client");
                            thread.setDaemon(true);
                            return thread;
                        }),
                true);
    }

    /** On the caller's executor, left running. */
    static ExecutorScheduler borrowed(ScheduledExecutorService executor) {
        return new ExecutorScheduler(executor, false);
    }

    @Override
    public void schedule(Runnable task, long delayMillis) {
        try {
            executor.schedule(task, delayMillis, TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException e) {
            // Shut down: the source is closing, there is nothing left to run.
        }
    }

    @Override
    public void close() {
        if (own) {
            executor.shutdownNow();
        }
    }
}
