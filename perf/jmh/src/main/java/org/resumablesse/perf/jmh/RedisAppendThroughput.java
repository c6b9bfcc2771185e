package org.resumablesse.perf.jmh;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.resumablesse.Audience;
import org.resumablesse.redis.RedisEventStore;
import org.resumablesse.redis.RedisMetrics;
import org.resumablesse.redis.RedisSettings;

/**
 * How many appends per second one Redis event store (one node) takes from T threads at once, and
 * how many events share a script run: no server, no clients. The listener reads each event back as
 * a woken connection would, which the node answers from its recent events. Two passes per thread
 * count, the first one unprinted warm-up. Run against a redis-server of your own (never a shared
 * one: it writes keys under {@code throughput<T>:}): {@code java -cp "perf/jmh/target/classes:$(cat
 * perf/jmh/target/classpath.txt)" org.resumablesse.perf.jmh.RedisAppendThroughput
 * redis://127.0.0.1:PORT [events] [threads...]}.
 */
public final class RedisAppendThroughput {

    private RedisAppendThroughput() {}

    public static void main(String[] args) throws Exception {
        String url = args[0];
        int events = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
        int[] threadCounts = {1, 32};
        if (args.length > 2) {
            threadCounts = new int[args.length - 2];
            for (int i = 2; i < args.length; i++) {
                threadCounts[i - 2] = Integer.parseInt(args[i]);
            }
        }
        for (int threads : threadCounts) {
            measure(url, threads, events);
        }
    }

    private static void measure(String url, int threads, int events) throws Exception {
        AtomicLong roundTrips = new AtomicLong();
        RedisMetrics counting =
                new RedisMetrics() {
                    @Override
                    public void roundTrip(long nanos) {
                        roundTrips.incrementAndGet();
                    }
                };
        RedisSettings settings =
                new RedisSettings(
                        URI.create(url),
                        null,
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofSeconds(2),
                        8,
                        "throughput" + threads + ":");
        try (RedisEventStore store =
                RedisEventStore.open(
                        settings,
                        10_000,
                        100,
                        new SecureRandom(),
                        counting,
                        Duration.ofSeconds(1),
                        Thread::new)) {
            store.setAppendListener(
                    e -> store.readAfter(e.epoch(), Set.of(e.stream()), e.sequence() - 1, 100));
            String data = "x".repeat(100);
            for (int pass = 0; pass < 2; pass++) {
                AtomicInteger next = new AtomicInteger();
                long trips = roundTrips.get();
                long start = System.nanoTime();
                ExecutorService pool = Executors.newFixedThreadPool(threads);
                for (int t = 0; t < threads; t++) {
                    pool.execute(
                            () -> {
                                while (next.getAndIncrement() < events) {
                                    store.append(Audience.everyone(), "bench", data, 0);
                                }
                            });
                }
                pool.shutdown();
                if (!pool.awaitTermination(10, TimeUnit.MINUTES)) {
                    throw new IllegalStateException("appends did not finish");
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                if (pass == 1) {
                    System.out.printf(
                            "%d threads: %.0f events/s, %.1f events per Redis round trip%n",
                            threads,
                            events / seconds,
                            events / (double) (roundTrips.get() - trips));
                }
            }
        }
    }
}
