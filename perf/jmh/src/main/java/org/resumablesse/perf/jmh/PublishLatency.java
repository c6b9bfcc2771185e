package org.resumablesse.perf.jmh;

import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.resumablesse.ServerEvent;
import org.resumablesse.core.EngineMetrics;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.SseEngine;
import org.resumablesse.core.Transport;

/**
 * What a publisher waits for: {@code SseEngine.publish} timed one call at a time, at a fixed rate,
 * with 10, 1,000 and 10,000 followers whose transports take every write at once, the fan-out on its
 * own thread as in the Jakarta module, after one unprinted warm-up pass. Prints p50/p99 of the call
 * and the process's CPU per delivered frame (in memory, no sockets). Run: {@code java -cp
 * perf/jmh/target/benchmarks.jar org.resumablesse.perf.jmh.PublishLatency [events per second]
 * [events]}.
 */
public final class PublishLatency {

    private PublishLatency() {}

    public static void main(String[] args) throws Exception {
        int rate = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 5000;
        measure(1_000, rate, events, false);
        for (int followers : new int[] {10, 1_000, 10_000}) {
            measure(followers, rate, events, true);
        }
    }

    private static void measure(int followers, int rate, int events, boolean print)
            throws Exception {
        ExecutorService fanOut = Executors.newSingleThreadExecutor();
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        SseEngine engine =
                SseEngine.inMemory(
                        EngineSettings.builder()
                                .bufferSize(10_000)
                                .maxSessions(followers + 10)
                                .heartbeatInterval(Duration.ofHours(1))
                                .cleanupInterval(Duration.ofHours(1))
                                .build(),
                        Clock.systemUTC(),
                        fanOut,
                        EngineMetrics.NONE);
        engine.start(scheduler);
        AtomicLong delivered = new AtomicLong();
        for (int i = 0; i < followers; i++) {
            engine.open(engine.admit(null, null, List.of(), null), new Sink(delivered));
        }
        String data = "x".repeat(100);
        long[] nanos = new long[events];
        long interval = TimeUnit.SECONDS.toNanos(1) / rate;
        long cpuBefore = cpu();
        long next = System.nanoTime();
        for (int i = 0; i < events; i++) {
            long start = System.nanoTime();
            engine.publish(ServerEvent.broadcast("bench", data));
            nanos[i] = System.nanoTime() - start;
            next += interval;
            LockSupport.parkNanos(next - System.nanoTime());
        }
        long expected = (long) followers * (events + 1);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (delivered.get() < expected && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(10));
        }
        long cpu = cpu() - cpuBefore;
        Arrays.sort(nanos);
        long[] measured = nanos;
        if (print) {
            System.out.printf(
                    "%,6d followers, %,d events at %,d/s: publish() p50 %.1f µs, p99 %.1f µs;"
                            + " %,d of %,d frames delivered (connected included); process CPU %.2f µs"
                            + " per frame%n",
                    followers,
                    events,
                    rate,
                    measured[measured.length / 2] / 1000.0,
                    measured[measured.length * 99 / 100] / 1000.0,
                    delivered.get(),
                    expected,
                    cpu / 1000.0 / Math.max(1, delivered.get()));
        }
        engine.close();
        fanOut.shutdownNow();
        scheduler.shutdownNow();
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean)
                        java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    /** A client that takes every write at once. */
    private static final class Sink implements Transport {
        private final AtomicLong delivered;

        Sink(AtomicLong delivered) {
            this.delivered = delivered;
        }

        @Override
        public void write(List<EventFrame> frames, Completion done) {
            delivered.addAndGet(frames.size());
            done.written();
        }

        @Override
        public boolean isOpen() {
            return true;
        }

        @Override
        public void close() {}
    }
}
