package org.resumablesse.perf.client;

import java.util.Arrays;

/**
 * Publish-to-receive latencies in microseconds, kept exactly (one int each, up to a cap) so that
 * percentiles are exact. Not thread-safe; the client's I/O thread records, others read a {@link
 * #summary()} taken on that thread.
 */
public final class Latencies {

    private static final int CAP = 40_000_000;

    private int[] values = new int[1024];
    private int count;
    private long dropped;

    void record(long nanos) {
        if (count == CAP) {
            dropped++;
            return;
        }
        if (count == values.length) {
            values = Arrays.copyOf(values, Math.min(CAP, values.length * 2));
        }
        long micros = Math.max(0, nanos / 1000);
        values[count++] = (int) Math.min(Integer.MAX_VALUE, micros);
    }

    void clear() {
        count = 0;
        dropped = 0;
    }

    /** The percentiles of what was recorded so far. */
    public Summary summary() {
        int[] sorted = Arrays.copyOf(values, count);
        Arrays.sort(sorted);
        return new Summary(
                count + dropped,
                at(sorted, 0.50),
                at(sorted, 0.99),
                at(sorted, 0.999),
                count == 0 ? 0 : sorted[count - 1] / 1000.0);
    }

    private static double at(int[] sorted, double quantile) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(quantile * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1000.0;
    }

    /** Latency percentiles in milliseconds over {@code count} deliveries. */
    public record Summary(long count, double p50, double p99, double p999, double max) {}
}
