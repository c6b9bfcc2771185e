package org.resumablesse.perf.runner;

import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import org.resumablesse.perf.client.ConnectionStats;
import org.resumablesse.perf.client.LoadClient;

/** Counting over a load client's connections, and the waits the scenarios share. Stateless. */
final class Clients {

    private Clients() {}

    static long count(List<ConnectionStats> stats, Predicate<ConnectionStats> which) {
        return stats.stream().filter(which).count();
    }

    static long received(List<ConnectionStats> stats) {
        return stats.stream().mapToLong(ConnectionStats::received).sum();
    }

    static long lastEventNanos(List<ConnectionStats> stats) {
        return stats.stream().mapToLong(ConnectionStats::lastEventNanos).max().orElse(0);
    }

    /** Waits until every connection saw {@code connected}; returns how many did. */
    static long awaitConnected(LoadClient client, int expected, Duration timeout) {
        client.await(s -> count(s, ConnectionStats::connected) >= expected, timeout);
        return count(client.stats(), ConnectionStats::connected);
    }

    /** {@link #awaitDelivered(LoadClient, Control, long, Duration, Duration)}, quiet for 5 s. */
    static boolean awaitDelivered(
            LoadClient client, Control control, long events, Duration timeout) {
        return awaitDelivered(client, control, events, timeout, Duration.ofSeconds(5));
    }

    /**
     * Waits until every connection expects an index of at least {@code events}, or the publisher
     * has finished and nothing arrived for {@code quiet}, or the timeout passed.
     *
     * @return whether every connection got that far
     */
    static boolean awaitDelivered(
            LoadClient client, Control control, long events, Duration timeout, Duration quiet) {
        long deadline = System.nanoTime() + timeout.toNanos();
        long lastReceived = -1;
        long quietSince = System.nanoTime();
        long nextStatus = 0;
        boolean publishing = true;
        while (System.nanoTime() < deadline) {
            List<ConnectionStats> stats = client.stats();
            if (stats.stream().allMatch(s -> s.nextIndex() >= events)) {
                return true;
            }
            long received = received(stats);
            if (received != lastReceived) {
                lastReceived = received;
                quietSince = System.nanoTime();
            }
            if (System.nanoTime() > nextStatus) {
                publishing = control.running();
                nextStatus = System.nanoTime() + 1_000_000_000L;
            }
            if (!publishing && System.nanoTime() - quietSince > quiet.toNanos()) {
                return false;
            }
            Pause.millis(50);
        }
        return false;
    }
}
