package org.resumablesse.perf.runner;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Scenario 7, several nodes on Redis: first one node on the memory store (the comparison, same
 * run), then a {@code redis-server} of its own on a free port and two nodes on it, each measured at
 * a fixed rate ({@link NodesRun#fixedRate}) and with a saturating publisher on 1 and on N threads
 * ({@link NodesRun#saturating}). Payara Micro only; the nodes listen on the Payara port and the
 * next one. With {@code --profile DIR}, node A of the Redis pair records JFR into {@code
 * DIR/node-a.jfr}.
 */
final class NodesScenario {

    /** Starts a Payara Micro node. */
    interface Nodes {
        ServerProcess start(String name, int port, List<String> jvmOptions);
    }

    /** Records one measured run under a table. */
    interface Recorder {
        void record(String table, String server, Target target, Supplier<Map<String, Double>> run);
    }

    private final Options options;
    private final Nodes nodes;
    private final Recorder recorder;
    private final Results results;

    NodesScenario(Options options, Nodes nodes, Recorder recorder, Results results) {
        this.options = options;
        this.nodes = nodes;
        this.recorder = recorder;
        this.results = results;
    }

    void run(String server) {
        if (!server.equals("payara")) {
            results.fail("scenario 7 runs on Payara Micro only, not on " + server);
            return;
        }
        Settings.Nodes n = options.settings().nodes();
        int port = options.payaraPort();
        try (ServerProcess single = nodes.start("memory-node", port, history(n))) {
            measure("memory store, one node", server, List.of(Target.module(single)), n, -1);
        }
        Path work = Path.of(System.getProperty("perf.workDir", "perf/tools/target/perf-work"));
        try (RedisProcess redis = RedisProcess.start(options.redisServer(), work.resolve("redis"));
                ServerProcess a = nodes.start("redis-node-a", port, redisOptions(redis, true));
                ServerProcess b =
                        nodes.start("redis-node-b", port + 1, redisOptions(redis, false))) {
            List<Target> pair = List.of(Target.module(a), Target.module(b));
            measure("Redis store, two nodes", server, pair, n, redis.pid());
        }
    }

    private void measure(
            String store, String server, List<Target> on, Settings.Nodes n, long redis) {
        String fixed =
                "7 nodes, " + n.clients() + " clients x " + n.rate() + " events/s x " + n.events();
        String saturating =
                "7 nodes, saturating publisher on node A: "
                        + n.burst()
                        + " events of "
                        + n.size()
                        + " B, "
                        + n.followers()
                        + " followers per node";
        if (options.settings().warmUp()) {
            // A fresh node's JIT compiles for tens of seconds: the saturating warm-up publishes
            // as many events as the measured run, so that compiling is not what is measured.
            Settings.Nodes warm =
                    new Settings.Nodes(
                            Math.min(100, n.clients()),
                            100,
                            n.size(),
                            50,
                            n.burst(),
                            n.threads(),
                            1);
            try {
                NodesRun.fixedRate(on, warm, new Results());
                NodesRun.saturating(on, warm, 1, -1, new Results());
                NodesRun.saturating(on, warm, warm.threads(), -1, new Results());
            } catch (RuntimeException e) {
                results.fail(store + " warm-up: " + e);
            }
        }
        Target first = new Target(store, on.get(0).server(), on.get(0).streamPath());
        for (int rep = 0; rep < options.settings().reps(); rep++) {
            recorder.record(fixed, server, first, () -> NodesRun.fixedRate(on, n, results));
            for (int threads : List.of(1, n.threads())) {
                Target named =
                        new Target(
                                store
                                        + ", "
                                        + threads
                                        + " publisher thread"
                                        + (threads > 1 ? "s" : ""),
                                first.server(),
                                first.streamPath());
                recorder.record(
                        saturating,
                        server,
                        named,
                        () -> NodesRun.saturating(on, n, threads, redis, results));
            }
        }
    }

    /**
     * History that holds the whole burst, so that a follower that falls behind the saturating
     * publisher reads on from history instead of being cut (as with the WAR's own 10,000).
     */
    private static List<String> history(Settings.Nodes n) {
        return List.of("-Dresumable-sse.buffer-size=" + Math.max(10_000, n.burst()));
    }

    private List<String> redisOptions(RedisProcess redis, boolean nodeA) {
        List<String> jvm = new ArrayList<>(history(options.settings().nodes()));
        jvm.addAll(
                List.of(
                        "-Dresumable-sse.store=redis",
                        "-Dresumable-sse.redis.url=" + redis.url(),
                        "-Dresumable-sse.redis.key-prefix=perf:"));
        if (nodeA && options.profile() != null) {
            jvm.add(
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + options.profile().resolve("node-a.jfr"));
        }
        return jvm;
    }
}
