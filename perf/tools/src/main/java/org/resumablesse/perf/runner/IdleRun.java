package org.resumablesse.perf.runner;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import org.resumablesse.perf.client.LoadClient;
import org.resumablesse.perf.client.StreamRequest;

/**
 * Scenario 3: live heap after a full GC and {@code VmRSS} before and after opening C idle streams,
 * divided by C, on a server started for this measurement (after 50 connections opened and closed,
 * so that the classes are loaded).
 */
final class IdleRun {

    private IdleRun() {}

    static Map<String, Double> run(Target target, int count, Results results) {
        Map<String, Double> m = new LinkedHashMap<>();
        try (LoadClient warm = new LoadClient(target.address())) {
            warm.open(50, StreamRequest.reading(target.streamPath()));
            Clients.awaitConnected(warm, 50, Duration.ofSeconds(120));
        }
        Pause.millis(1000);
        long heap0 = ProcStats.heapAfterGcKb(target.pid());
        long rss0 = ProcStats.rssKb(target.pid());
        try (LoadClient client = new LoadClient(target.address())) {
            client.open(count, StreamRequest.reading(target.streamPath()));
            long connected = Clients.awaitConnected(client, count, Duration.ofSeconds(600));
            Pause.millis(2000);
            long heap1 = ProcStats.heapAfterGcKb(target.pid());
            long rss1 = ProcStats.rssKb(target.pid());
            m.put("heap KB per idle connection", (heap1 - heap0) / (double) count);
            m.put("RSS KB per idle connection", (rss1 - rss0) / (double) count);
            m.put("clients connected", (double) connected);
            m.put("server threads", (double) ProcStats.threads(target.pid()));
            if (connected != count) {
                results.fail(target.name() + ": " + connected + "/" + count + " idle connected");
            }
        }
        return m;
    }
}
