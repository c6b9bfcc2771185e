package org.resumablesse.perf.runner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resumablesse.perf.client.ConnectionStats;
import org.resumablesse.perf.client.LoadClient;
import org.resumablesse.perf.client.StreamRequest;

/**
 * Scenario 4: C clients receive some events, all disconnect, more events are published, then all
 * reconnect at once with {@code Last-Event-ID} and their session cookie. Measures the time from the
 * reconnect until the last client has every missed event, and completeness.
 */
final class StormRun {

    private StormRun() {}

    static Map<String, Double> run(Target target, Settings.Storm s, Results results) {
        Map<String, Double> m = new LinkedHashMap<>();
        long total = s.before() + s.missed();
        try (LoadClient client = new LoadClient(target.address(), s.clients())) {
            List<Integer> ids =
                    client.open(s.clients(), StreamRequest.reading(target.streamPath()));
            Clients.awaitConnected(client, s.clients(), Duration.ofSeconds(300));
            target.control().start(target.name(), 0, s.before(), 100, 200);
            Clients.awaitDelivered(client, target.control(), s.before(), Duration.ofSeconds(120));
            client.disconnect(ids);
            target.control().start(target.name(), s.before(), s.missed(), 100, 0);
            target.control().awaitIdle(Duration.ofSeconds(300));
            long t0 = System.nanoTime();
            client.reconnect(ids);
            Clients.awaitDelivered(
                    client,
                    target.control(),
                    total,
                    Duration.ofSeconds(120),
                    Duration.ofSeconds(60));
            List<ConnectionStats> stats = client.stats();
            long complete = Clients.count(stats, c -> c.complete(total));
            m.put("s until all have the missed events", (Clients.lastEventNanos(stats) - t0) / 1e9);
            m.put("clients complete", (double) complete);
            m.put(
                    "reconnects with a TCP connection",
                    (double) Clients.count(stats, c -> c.localPort() != 0));
            m.put("reconnects answered", (double) Clients.count(stats, c -> c.status() != 0));
            m.put(
                    "clients told recovered:true",
                    (double)
                            Clients.count(
                                    stats, c -> c.connectedData().contains("\"recovered\":true")));
            if (complete != s.clients()) {
                results.fail(
                        target.name()
                                + ": storm "
                                + complete
                                + "/"
                                + s.clients()
                                + " complete ("
                                + DeliveryRun.firstFailure(stats)
                                + ")");
            }
        }
        DeliveryRun.settle(target);
        return m;
    }
}
