package org.resumablesse.core;

import java.util.ArrayDeque;
import java.util.concurrent.Executor;

/**
 * An executor whose tasks run only when the test calls {@link #runAll()}, so a test decides when
 * queued frames are written. Thread-safe.
 */
final class ManualExecutor implements Executor {

    private final ArrayDeque<Runnable> tasks = new ArrayDeque<>();

    @Override
    public synchronized void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs queued tasks, and those they queue, until none is left. */
    void runAll() {
        while (true) {
            Runnable task;
            synchronized (this) {
                task = tasks.poll();
            }
            if (task == null) {
                return;
            }
            task.run();
        }
    }
}
