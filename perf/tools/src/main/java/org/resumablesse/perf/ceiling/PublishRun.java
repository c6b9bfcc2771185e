package org.resumablesse.perf.ceiling;

import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * A ceiling publisher run: the same parameters and event data as the WAR's publisher ({@code
 * <nanoTime> <index> xxx...}), stepped by the server's loop instead of its own thread.
 */
final class PublishRun {

    private static final long MAX_NANOS = TimeUnit.SECONDS.toNanos(900);

    private final long from;
    private final long events;
    private final int size;
    private final double rate;
    private final long start = System.nanoTime();
    private long next;
    private boolean stopped;

    PublishRun(long from, long events, int size, double rate) {
        this.from = from;
        this.events = events;
        this.size = size;
        this.rate = rate;
    }

    boolean running() {
        return !stopped && next < events && System.nanoTime() - start < MAX_NANOS;
    }

    boolean saturating() {
        return rate <= 0;
    }

    void stop() {
        stopped = true;
    }

    /** Milliseconds until the next event is due: 0 if it is due (or saturating), -1 if done. */
    long millisToNext() {
        if (!running()) {
            return -1;
        }
        if (rate <= 0) {
            return 0;
        }
        long due = start + (long) (next * 1e9 / rate);
        return Math.max(0, TimeUnit.NANOSECONDS.toMillis(due - System.nanoTime()));
    }

    /** Whether the next event is due now. */
    boolean due() {
        if (!running()) {
            return false;
        }
        return rate <= 0 || System.nanoTime() >= start + (long) (next * 1e9 / rate);
    }

    /** The index of the next event. */
    long nextIndex() {
        return from + next;
    }

    /** Encodes the next event once and advances. */
    byte[] nextFrame() {
        long index = from + next++;
        StringBuilder frame = new StringBuilder(size + 48);
        frame.append("event: bench\nid: ").append(index).append("\ndata: ");
        int dataStart = frame.length();
        frame.append(System.nanoTime()).append(' ').append(index).append(' ');
        while (frame.length() - dataStart < size) {
            frame.append('x');
        }
        frame.append("\n\n");
        return frame.toString().getBytes(StandardCharsets.UTF_8);
    }

    String statusJson() {
        return "{\"running\":"
                + running()
                + ",\"published\":"
                + next
                + ",\"failed\":0,\"error\":\"\"}";
    }
}
