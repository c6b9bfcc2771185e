package org.resumablesse.perf.app;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * One publisher run: {@code events} events of about {@code size} bytes, at {@code rate} per second
 * or as fast as the target takes them ({@code rate} 0), indices {@code from} upwards. Run by one
 * thread or several at once ({@link #threads()}), which take the next index in turn, so with more
 * than one the indices are published concurrently and may be stored out of index order. Ends after
 * its events, when stopped, or after {@code maxSeconds}. Written by its threads, read by any.
 */
final class PublishRun implements Runnable {

    /** Where a run's events go. */
    interface Target {
        void publish(long index, String data);
    }

    private final Target target;
    private final long from;
    private final long events;
    private final int size;
    private final double rate;
    private final long maxNanos;
    private final int threads;
    private final AtomicLong next = new AtomicLong();
    private final AtomicInteger active;
    private final long startNanos = System.nanoTime();
    private volatile long endNanos;
    private final AtomicLong published = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private volatile boolean running = true;
    private volatile boolean stopRequested;
    private volatile String firstError = "";

    PublishRun(
            Target target,
            long from,
            long events,
            int size,
            double rate,
            long maxSeconds,
            int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("threads < 1");
        }
        this.threads = threads;
        this.active = new AtomicInteger(threads);
        this.target = target;
        this.from = from;
        this.events = events;
        this.size = size;
        this.rate = rate;
        this.maxNanos = TimeUnit.SECONDS.toNanos(maxSeconds);
    }

    /** How many threads run it: each calls {@link #run()}. */
    int threads() {
        return threads;
    }

    @Override
    public void run() {
        try {
            for (long i = next.getAndIncrement();
                    i < events && !stopRequested;
                    i = next.getAndIncrement()) {
                if (rate > 0) {
                    waitUntil(startNanos + (long) (i * 1e9 / rate));
                }
                if (System.nanoTime() - startNanos > maxNanos) {
                    break;
                }
                publishOne(from + i);
            }
        } finally {
            if (active.decrementAndGet() == 0) {
                endNanos = System.nanoTime();
                running = false;
            }
        }
    }

    void stop() {
        stopRequested = true;
    }

    boolean running() {
        return running;
    }

    /** The run's state as one line of JSON. */
    String statusJson() {
        return "{\"running\":"
                + running
                + ",\"published\":"
                + published.get()
                + ",\"failed\":"
                + failed.get()
                + ",\"nanos\":"
                + (running ? System.nanoTime() - startNanos : endNanos - startNanos)
                + ",\"error\":\""
                + firstError.replace('"', '\'').replace('\\', '/')
                + "\"}";
    }

    private void publishOne(long index) {
        try {
            target.publish(index, BenchData.of(System.nanoTime(), index, size));
            published.incrementAndGet();
        } catch (RuntimeException e) {
            if (failed.getAndIncrement() == 0) {
                firstError = String.valueOf(e);
            }
        }
    }

    private void waitUntil(long deadline) {
        for (long left = deadline - System.nanoTime(); left > 0 && !stopRequested; ) {
            LockSupport.parkNanos(left);
            left = deadline - System.nanoTime();
        }
    }
}
