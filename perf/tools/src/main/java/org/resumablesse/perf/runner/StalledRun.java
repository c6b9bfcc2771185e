package org.resumablesse.perf.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.resumablesse.perf.client.ConnectionStats;
import org.resumablesse.perf.client.Latencies;
import org.resumablesse.perf.client.LoadClient;
import org.resumablesse.perf.client.StreamRequest;

/**
 * Scenario 5, on a server started for it: one fast client alone, then one fast client beside
 * clients with a tiny receive buffer that never read; large events at a fixed rate. Measures the
 * fast client's p99 both times, when the server closed each stalled connection (its end of the
 * socket leaving the kernel's table; see {@link SocketTable}) and the live heap after GC before and
 * at the end.
 */
final class StalledRun {

    private StalledRun() {}

    static Map<String, Double> run(Target target, Settings.Stalled s, Results results) {
        Map<String, Double> m = new LinkedHashMap<>();
        long events = (long) (s.rate() * s.seconds());
        Latencies.Summary alone = fastAlone(target, s, events);
        m.put("fast p99 ms, alone", alone.p99());
        long heap0 = ProcStats.heapAfterGcKb(target.pid());
        try (LoadClient client = new LoadClient(target.address())) {
            List<Integer> stalled =
                    client.open(s.stalled(), StreamRequest.stalled(target.streamPath()));
            List<Integer> fast = client.open(1, StreamRequest.reading(target.streamPath()));
            client.await(st -> st.get(fast.get(0)).connected(), Duration.ofSeconds(120));
            Pause.millis(1000);
            Set<Integer> ports =
                    client.stats().stream()
                            .filter(st -> stalled.contains(st.id()))
                            .map(ConnectionStats::localPort)
                            .collect(Collectors.toSet());
            long t0 = System.nanoTime();
            target.control().start(target.name(), 0, events, s.size(), s.rate());
            Map<Integer, Double> closedAt =
                    watch(target, client, fast.get(0), ports, events, t0, s);
            ConnectionStats fastStats = client.stats().get(fast.get(0));
            long heap1 = ProcStats.heapAfterGcKb(target.pid());
            List<Double> times = new ArrayList<>(closedAt.values());
            times.sort(null);
            m.put("fast p99 ms, with stalled", client.latencies().p99());
            m.put("fast longest silence ms", fastStats.maxGapNanos() / 1e6);
            m.put("fast client complete", fastStats.complete(events) ? 1.0 : 0.0);
            m.put("stalled closed by the server", (double) closedAt.size());
            m.put(
                    "s until a stalled one is closed, median",
                    times.isEmpty() ? -1 : times.get(times.size() / 2));
            m.put(
                    "s until the last stalled one is closed",
                    times.isEmpty() ? -1 : times.get(times.size() - 1));
            m.put("live heap MB before", heap0 / 1024.0);
            m.put("live heap MB at the end, stalled still open", heap1 / 1024.0);
            if (!fastStats.complete(events)) {
                results.fail(target.name() + ": fast client incomplete beside stalled clients");
            }
        }
        return m;
    }

    private static Latencies.Summary fastAlone(Target target, Settings.Stalled s, long events) {
        try (LoadClient client = new LoadClient(target.address())) {
            client.open(1, StreamRequest.reading(target.streamPath()));
            Clients.awaitConnected(client, 1, Duration.ofSeconds(120));
            target.control().start(target.name(), 0, events, s.size(), s.rate());
            Clients.awaitDelivered(
                    client, target.control(), events, Duration.ofSeconds(s.seconds() + 120));
            return client.latencies();
        } finally {
            target.control().awaitIdle(Duration.ofSeconds(120));
        }
    }

    /** Polls every 500 ms until the run is over; returns seconds from start to each close. */
    private static Map<Integer, Double> watch(
            Target target,
            LoadClient client,
            int fast,
            Set<Integer> ports,
            long events,
            long t0,
            Settings.Stalled s) {
        Map<Integer, Double> closedAt = new HashMap<>();
        long deadline = t0 + (s.seconds() + 60L) * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            Set<Integer> held = SocketTable.heldByServer(target.server().port(), ports);
            double now = (System.nanoTime() - t0) / 1e9;
            ports.stream()
                    .filter(p -> !held.contains(p))
                    .forEach(p -> closedAt.putIfAbsent(p, now));
            boolean fastDone = client.stats().get(fast).nextIndex() >= events;
            if (fastDone && !target.control().running()) {
                break;
            }
            Pause.millis(500);
        }
        return closedAt;
    }
}
