package org.resumablesse.it;

import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One thread that publishes events named by their data ({@code k0}, {@code k1}, …) on the nodes in
 * turn until closed, recording every answer in its {@link Publications}. At most {@link #MOST}
 * publishes.
 */
final class RoundRobinPublisher implements AutoCloseable {
    private static final int MOST = 5_000;
    private final List<DemoClient> nodes;
    private final Publications published;
    private final AtomicLong slowestAnswer = new AtomicLong();
    private final Thread thread = new Thread(this::run, "round-robin-publisher");
    private volatile boolean stopping;

    RoundRobinPublisher(List<DemoClient> nodes, Publications published) {
        this.nodes = nodes;
        this.published = published;
        thread.setDaemon(true);
    }

    void start() {
        thread.start();
    }

    private void run() {
        for (int n = 0; n < MOST && !stopping; n++) {
            long start = System.nanoTime();
            published.publish(nodes.get(n % nodes.size()), "k" + n);
            slowestAnswer.accumulateAndGet(System.nanoTime() - start, Math::max);
        }
    }

    /** Waits, with a deadline, until this many publishes were confirmed. */
    void awaitConfirmed(int count) {
        long deadline = System.nanoTime() + Timeouts.DEFAULT.multipliedBy(2).toNanos();
        while (published.confirmedCount() < count) {
            if (System.nanoTime() - deadline > 0 || !thread.isAlive()) {
                throw new AssertionError(
                        published.confirmedCount()
                                + " of "
                                + count
                                + " publishes confirmed; others: "
                                + published.otherAnswers());
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
        }
    }

    /** The longest a publish waited for its answer, in milliseconds. */
    long slowestAnswerMillis() {
        return TimeUnit.NANOSECONDS.toMillis(slowestAnswer.get());
    }

    /** Stops publishing and waits for the publish under way. Idempotent. */
    @Override
    public void close() throws InterruptedException {
        stopping = true;
        thread.join(Timeouts.DEFAULT.toMillis());
        if (thread.isAlive()) {
            throw new AssertionError("the publisher did not stop within " + Timeouts.DEFAULT);
        }
    }
}
