package org.resumablesse.client;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Holds scheduled tasks until the test runs them; remembers every delay asked for. */
final class ManualScheduler implements Scheduler {

    private record Task(Runnable task, long delayMillis) {}

    private final Deque<Task> pending = new ArrayDeque<>();
    final List<Long> delays = new ArrayList<>();
    boolean closed;

    @Override
    public void schedule(Runnable task, long delayMillis) {
        pending.add(new Task(task, delayMillis));
        delays.add(delayMillis);
    }

    /** Runs every task pending now (not those they schedule), in order. */
    void runPending() {
        int n = pending.size();
        for (int i = 0; i < n; i++) {
            pending.poll().task().run();
        }
    }

    /** The delay of the last task scheduled. */
    long lastDelay() {
        return delays.get(delays.size() - 1);
    }

    @Override
    public void close() {
        closed = true;
    }
}
