package org.resumablesse.perf.runner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resumablesse.perf.client.ConnectionStats;
import org.resumablesse.perf.client.Latencies;
import org.resumablesse.perf.client.LoadClient;
import org.resumablesse.perf.client.StreamRequest;

/**
 * Scenarios 1 and 2: C reading clients, N events of B bytes at a rate (0 saturating). Server CPU is
 * read when all are connected and again when the last event has arrived everywhere; CPU per
 * delivered event is the difference over the events delivered in between.
 */
final class DeliveryRun {

    private DeliveryRun() {}

    static Map<String, Double> run(Target target, Settings.Delivery d, Results results) {
        Map<String, Double> m = new LinkedHashMap<>();
        try (LoadClient client = new LoadClient(target.address())) {
            client.open(d.clients(), StreamRequest.reading(target.streamPath()));
            long connected = Clients.awaitConnected(client, d.clients(), Duration.ofSeconds(300));
            Pause.millis(300);
            long cpu0 = ProcStats.cpuMicros(target.pid());
            long t0 = System.nanoTime();
            client.resetLatencies();
            target.control().start(target.name(), 0, d.events(), d.size(), d.rate());
            Duration limit =
                    Duration.ofSeconds(d.rate() > 0 ? (long) (d.events() / d.rate()) + 120 : 900);
            Clients.awaitDelivered(client, target.control(), d.events(), limit);
            long cpu1 = ProcStats.cpuMicros(target.pid());
            List<ConnectionStats> stats = client.stats();
            Latencies.Summary latency = client.latencies();
            long delivered = Clients.received(stats);
            long complete = Clients.count(stats, s -> s.complete(d.events()));
            double seconds = (Clients.lastEventNanos(stats) - t0) / 1e9;
            m.put(
                    "server CPU µs per delivered event",
                    (cpu1 - cpu0) / (double) Math.max(1, delivered));
            m.put("deliveries/s (thousands)", seconds > 0 ? delivered / seconds / 1000 : 0);
            m.put("p50 ms", latency.p50());
            m.put("p99 ms", latency.p99());
            m.put("p99.9 ms", latency.p999());
            m.put("clients connected", (double) connected);
            m.put("clients complete", (double) complete);
            m.put(
                    "clients with every event, in any order",
                    (double)
                            Clients.count(
                                    stats,
                                    s ->
                                            s.received() == d.events()
                                                    && s.nextIndex() == d.events()));
            m.put("server threads", (double) ProcStats.threads(target.pid()));
            if (complete != d.clients()) {
                results.fail(
                        target.name()
                                + ": "
                                + complete
                                + "/"
                                + d.clients()
                                + " clients complete ("
                                + connected
                                + " connected; "
                                + firstFailure(stats)
                                + ")");
            }
        }
        settle(target);
        return m;
    }

    /** Lets the server find the closed connections (a write finds them) before the next run. */
    static void settle(Target target) {
        Control control = target.control();
        control.awaitIdle(Duration.ofSeconds(900));
        if (!target.name().equals("ceiling")) {
            control.start(target.name(), 0, 3, 10, 100);
            control.awaitIdle(Duration.ofSeconds(120));
        }
        Pause.millis(500);
    }

    /** A line on what went wrong: the first failure seen, and one incomplete connection. */
    static String firstFailure(List<ConnectionStats> stats) {
        String failure =
                stats.stream()
                        .map(ConnectionStats::failure)
                        .filter(f -> !f.isEmpty())
                        .findFirst()
                        .orElse("no client error");
        long maxIndex = stats.stream().mapToLong(ConnectionStats::nextIndex).max().orElse(0);
        String example =
                stats.stream()
                        .filter(s -> s.nextIndex() < maxIndex || s.orderErrors() > 0)
                        .findFirst()
                        .map(
                                s ->
                                        "e.g. #"
                                                + s.id()
                                                + " next "
                                                + s.nextIndex()
                                                + ", received "
                                                + s.received()
                                                + ", out of order "
                                                + s.orderErrors()
                                                + ", open "
                                                + s.open()
                                                + ", ended by server "
                                                + s.endedByServer()
                                                + ", status "
                                                + s.status())
                        .orElse("");
        return failure
                + "; "
                + Clients.count(stats, ConnectionStats::endedByServer)
                + " ended by the server; "
                + example;
    }
}
