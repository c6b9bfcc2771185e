package org.resumablesse.perf.jmh;

import java.security.SecureRandom;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.resumablesse.Audience;
import org.resumablesse.core.InMemoryEventStore;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/**
 * {@code InMemoryEventStore}: appending a broadcast event to a full stream (so each append also
 * trims), and reading the replay of the last {@code missed} events for a connection that follows
 * the broadcast stream, its session and two topics.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class StoreBenchmark {

    private static final int CAPACITY = 1000;

    @Param({"100"})
    public int missed;

    private final String data = "x".repeat(100);
    private InMemoryEventStore store;
    private Set<Audience> followed;

    @Setup
    public void setUp() {
        store = new InMemoryEventStore(CAPACITY, new SecureRandom());
        followed =
                Set.of(
                        Audience.everyone(),
                        Audience.session("AAAAAAAAAAAAAAAAAAAAAA"),
                        Audience.topic("orders/1"),
                        Audience.topic("orders/2"));
        for (int i = 0; i < CAPACITY; i++) {
            store.append(Audience.everyone(), "bench", data, i);
        }
    }

    @Benchmark
    public StoredEvent append() {
        return store.append(Audience.everyone(), "bench", data, 0);
    }

    @Benchmark
    public History readAfter() {
        return store.readAfter(followed, Math.max(0, store.head() - missed));
    }
}
