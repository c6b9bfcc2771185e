package org.resumablesse.perf.runner;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.resumablesse.perf.client.ConnectionStats;
import org.resumablesse.perf.client.Latencies;
import org.resumablesse.perf.client.LoadClient;
import org.resumablesse.perf.client.StreamRequest;

/**
 * Scenario 7: the module on one or more nodes (on Redis, or one node on the memory store for
 * comparison), the publisher always on the first node ("A"), clients on every node; a client of
 * another node than A receives the event across Redis. Server CPU is read per node as in {@link
 * DeliveryRun}.
 */
final class NodesRun {

    private NodesRun() {}

    /** Clients split evenly over the nodes, a fixed rate from node A. */
    static Map<String, Double> fixedRate(List<Target> nodes, Settings.Nodes n, Results results) {
        Map<String, Double> m = new LinkedHashMap<>();
        Control publisher = nodes.get(0).control();
        List<LoadClient> clients = open(nodes, n.clients() / nodes.size());
        try {
            long[] cpu0 = cpu(nodes);
            publisher.start("module", 0, n.events(), n.size(), n.rate());
            Duration limit = Duration.ofSeconds((long) (n.events() / n.rate()) + 120);
            for (LoadClient client : clients) {
                Clients.awaitDelivered(client, publisher, n.events(), limit);
            }
            long[] cpu1 = cpu(nodes);
            long delivered = 0;
            long complete = 0;
            for (int i = 0; i < nodes.size(); i++) {
                List<ConnectionStats> stats = clients.get(i).stats();
                Latencies.Summary latency = clients.get(i).latencies();
                long received = Clients.received(stats);
                String where = where(i, nodes.size());
                m.put(where + " p50 ms", latency.p50());
                m.put(where + " p99 ms", latency.p99());
                m.put(where + " p99.9 ms", latency.p999());
                m.put(
                        where + " server CPU µs per delivered event",
                        (cpu1[i] - cpu0[i]) / (double) Math.max(1, received));
                delivered += received;
                complete += Clients.count(stats, s -> s.complete(n.events()));
            }
            m.put(
                    "server CPU µs per delivered event, all nodes",
                    (sum(cpu1) - sum(cpu0)) / (double) Math.max(1, delivered));
            m.put("clients complete", (double) complete);
            if (complete != n.clients()) {
                results.fail("nodes: " + complete + "/" + n.clients() + " clients complete");
            }
        } finally {
            clients.forEach(LoadClient::close);
        }
        nodes.forEach(DeliveryRun::settle);
        return m;
    }

    /**
     * {@code threads} publisher threads on node A publish {@code burst} events as fast as it takes
     * them, {@code followers} clients per node receive them.
     *
     * @param redisPid the redis-server's pid, or -1 on the memory store
     */
    static Map<String, Double> saturating(
            List<Target> nodes, Settings.Nodes n, int threads, long redisPid, Results results) {
        Map<String, Double> m = new LinkedHashMap<>();
        Control publisher = nodes.get(0).control();
        List<LoadClient> clients = open(nodes, n.followers());
        try {
            long cpuA = ProcStats.cpuMicros(nodes.get(0).pid());
            long cpuRedis = redisPid > 0 ? ProcStats.cpuMicros(redisPid) : 0;
            long t0 = System.nanoTime();
            publisher.start("module", 0, n.burst(), n.size(), 0, threads);
            publisher.awaitIdle(Duration.ofSeconds(900));
            long cpuAEnd = ProcStats.cpuMicros(nodes.get(0).pid());
            long cpuRedisEnd = redisPid > 0 ? ProcStats.cpuMicros(redisPid) : 0;
            String status = publisher.status();
            long published = Control.published(status);
            double seconds = Control.nanos(status) / 1e9;
            m.put("events/s accepted by node A (thousands)", published / seconds / 1000);
            m.put("publish calls refused", (double) Control.failed(status));
            m.put(
                    "node A CPU µs per accepted event while publishing",
                    (cpuAEnd - cpuA) / (double) Math.max(1, published));
            if (redisPid > 0) {
                m.put(
                        "redis-server CPU % while publishing",
                        (cpuRedisEnd - cpuRedis) / seconds / 1e4);
            }
            long followers = (long) n.followers() * nodes.size();
            for (LoadClient client : clients) {
                client.await(
                        s -> s.stream().allMatch(c -> c.received() >= published),
                        Duration.ofSeconds(120));
            }
            long withEvery = 0;
            long last = 0;
            for (int i = 0; i < nodes.size(); i++) {
                List<ConnectionStats> stats = clients.get(i).stats();
                withEvery +=
                        Clients.count(
                                stats,
                                s -> s.received() == published && s.nextIndex() == published);
                last = Math.max(last, Clients.lastEventNanos(stats));
                m.put(where(i, nodes.size()) + " p50 ms", clients.get(i).latencies().p50());
            }
            m.put("s until every follower had every event", (last - t0) / 1e9);
            m.put("followers with every event", (double) withEvery);
            if (withEvery != followers) {
                results.fail("nodes, saturating: " + withEvery + "/" + followers + " followers");
            }
        } finally {
            clients.forEach(LoadClient::close);
        }
        nodes.forEach(DeliveryRun::settle);
        return m;
    }

    /** Opens {@code perNode} reading clients on every node, all connected, latencies reset. */
    private static List<LoadClient> open(List<Target> nodes, int perNode) {
        List<LoadClient> clients = new ArrayList<>();
        try {
            for (Target node : nodes) {
                LoadClient client = new LoadClient(node.address());
                clients.add(client);
                client.open(perNode, StreamRequest.reading(node.streamPath()));
            }
            for (LoadClient client : clients) {
                long connected = Clients.awaitConnected(client, perNode, Duration.ofSeconds(300));
                if (connected < perNode) {
                    throw new IllegalStateException(connected + "/" + perNode + " connected");
                }
            }
        } catch (RuntimeException e) {
            clients.forEach(LoadClient::close);
            throw e;
        }
        Pause.millis(300);
        clients.forEach(LoadClient::resetLatencies);
        return clients;
    }

    private static String where(int node, int nodes) {
        if (nodes == 1) {
            return "one node:";
        }
        return node == 0 ? "node A (local):" : "node " + (char) ('A' + node) + " (cross-node):";
    }

    private static long[] cpu(List<Target> nodes) {
        return nodes.stream().mapToLong(t -> ProcStats.cpuMicros(t.pid())).toArray();
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long v : values) {
            total += v;
        }
        return total;
    }
}
