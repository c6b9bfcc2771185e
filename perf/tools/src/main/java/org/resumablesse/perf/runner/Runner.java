package org.resumablesse.perf.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Runs the benchmark and prints Markdown tables of medians with [min-max].
 *
 * <pre>
 * Runner [--quick | --smoke] [--servers payara,liberty] [--scenarios 1,2,3,4,5,7]
 *        [--targets ceiling,plain,module] [--reps N] [--out FILE] [--events N] [--idle N,..]
 *        [--payara-port P] [--liberty-port P] [--ceiling-port P] [--redis-server PATH]
 *        [--profile DIR]
 * </pre>
 *
 * <p>Scenario 7 (several nodes on Redis, Payara Micro only) runs only when listed.
 *
 * <p>System properties: {@code perf.war}, {@code perf.payaraJar}, {@code perf.wlp} (the unpacked
 * OpenLiberty {@code wlp} directory) and {@code perf.workDir} (logs and server files). Exits 1 when
 * a completeness check failed and {@code --smoke} or {@code --strict} was given.
 */
public final class Runner {

    static final int CEILING_PORT = 28090;
    static final int PAYARA_PORT = 28080;
    static final int LIBERTY_PORT = 28081;

    private final Options options;
    private final Settings settings;
    private final Results results = new Results();

    private Runner(Options options) {
        this.options = options;
        this.settings = options.settings();
    }

    public static void main(String[] args) throws IOException {
        Options options = Options.parse(args);
        Runner runner = new Runner(options);
        String report = runner.run();
        System.out.println(report);
        if (options.out() != null) {
            Files.writeString(options.out(), report);
        }
        boolean failed = !runner.results.failures().isEmpty();
        System.exit(failed && options.strict() ? 1 : 0);
    }

    /** Runs everything the options ask for; returns the report. */
    public static Results runForTest(String... args) {
        Runner runner = new Runner(Options.parse(args));
        System.out.println(runner.run());
        return runner.results;
    }

    private String run() {
        String started = Instant.now().toString();
        for (String server : options.servers()) {
            if (options.has(1) || options.has(2) || options.has(4)) {
                sharedServerScenarios(server);
            }
            if (options.has(3)) {
                idle(server);
            }
            if (options.has(5)) {
                stalled(server);
            }
            if (options.has(7)) {
                new NodesScenario(options, this::payaraNode, this::record, results).run(server);
            }
        }
        return "## Benchmark "
                + started
                + " ("
                + String.join(" ", options.args())
                + "), "
                + Runtime.getRuntime().availableProcessors()
                + " cores\n"
                + results.markdown();
    }

    private void sharedServerScenarios(String server) {
        try (ServerProcess ceiling = ServerProcess.ceiling(work("ceiling"), options.ceilingPort());
                ServerProcess app = needsApp() ? app(server) : null) {
            List<Target> targets = targets(ceiling, app);
            if (options.has(1)) {
                delivery("1 saturating", server, targets, settings.saturating());
            }
            if (options.has(2)) {
                delivery("2 fixed rate", server, targets, settings.rated());
            }
            if (options.has(4)) {
                List<Target> resumable =
                        targets.stream().filter(t -> !t.name().equals("plain")).toList();
                for (int rep = 0; rep < settings.reps(); rep++) {
                    for (Target target : resumable) {
                        record(
                                "4 reconnect storm",
                                server,
                                target,
                                () -> StormRun.run(target, settings.storm(), results));
                    }
                }
            }
        }
    }

    private boolean needsApp() {
        return options.targets().stream().anyMatch(t -> !t.equals("ceiling"));
    }

    private void delivery(String table, String server, List<Target> targets, Settings.Delivery d) {
        String title =
                table
                        + ": "
                        + d.clients()
                        + " clients x "
                        + d.events()
                        + " events of "
                        + d.size()
                        + " B at "
                        + (d.rate() > 0 ? d.rate() + "/s" : "full speed");
        if (settings.warmUp()) {
            Settings.Delivery warm =
                    new Settings.Delivery(
                            Math.min(100, d.clients()), 300, d.size(), d.rate() > 0 ? 100 : 0);
            for (Target target : targets) {
                try {
                    DeliveryRun.run(target, warm, new Results());
                } catch (RuntimeException e) {
                    results.fail(server + " " + target.name() + " warm-up: " + e);
                }
            }
        }
        for (int rep = 0; rep < settings.reps(); rep++) {
            for (Target target : targets) {
                record(title, server, target, () -> DeliveryRun.run(target, d, results));
            }
        }
    }

    private void idle(String server) {
        for (int count : settings.idleCounts()) {
            for (int rep = 0; rep < Math.min(2, settings.reps()); rep++) {
                for (String name : options.targets()) {
                    try (ServerProcess process = fresh(server, name)) {
                        Target target = target(name, process);
                        record(
                                "3 idle, " + count + " connections",
                                server,
                                target,
                                () -> IdleRun.run(target, count, results));
                    }
                }
            }
        }
    }

    private void stalled(String server) {
        Settings.Stalled s = settings.stalled();
        String title =
                "5 stalled: 1 fast + "
                        + s.stalled()
                        + " that never read, "
                        + s.size()
                        + " B at "
                        + s.rate()
                        + "/s for "
                        + s.seconds()
                        + " s";
        for (String name : options.targets()) {
            try (ServerProcess process = fresh(server, name)) {
                Target target = target(name, process);
                record(title, server, target, () -> StalledRun.run(target, s, results));
            }
        }
    }

    void record(String table, String server, Target target, Supplier<Map<String, Double>> run) {
        try {
            Map<String, Double> metrics = run.get();
            System.out.println(server + " | " + table + " | " + target.name() + " | " + metrics);
            results.add(table + " (" + server + ")", target.name(), metrics);
        } catch (RuntimeException e) {
            // one stuck or failed run is a finding; the others still run
            results.fail(server + " " + target.name() + " in '" + table + "': " + e);
        }
    }

    private List<Target> targets(ServerProcess ceiling, ServerProcess app) {
        List<Target> all = new ArrayList<>();
        for (String name : options.targets()) {
            all.add(target(name, name.equals("ceiling") ? ceiling : app));
        }
        return all;
    }

    private static Target target(String name, ServerProcess process) {
        return switch (name) {
            case "ceiling" -> Target.ceiling(process);
            case "plain" -> Target.plain(process);
            case "module" -> Target.module(process);
            default -> throw new IllegalArgumentException("unknown target " + name);
        };
    }

    private ServerProcess fresh(String server, String target) {
        return target.equals("ceiling")
                ? ServerProcess.ceiling(work("ceiling"), options.ceilingPort())
                : app(server);
    }

    private ServerProcess app(String server) {
        Path war = Path.of(System.getProperty("perf.war", "perf/app/target/perf.war"));
        return switch (server) {
            case "payara" ->
                    ServerProcess.payara(
                            work("payara"),
                            Path.of(
                                    System.getProperty(
                                            "perf.payaraJar",
                                            "perf/tools/target/payara-micro.jar")),
                            war,
                            options.payaraPort());
            case "liberty" ->
                    ServerProcess.liberty(
                            work("liberty"),
                            Path.of(
                                    System.getProperty(
                                            "perf.wlp", "perf/tools/target/liberty/wlp")),
                            war,
                            options.libertyPort());
            default -> throw new IllegalArgumentException("unknown server " + server);
        };
    }

    /** A Payara Micro node of scenario 7, with its own work directory and log. */
    private ServerProcess payaraNode(String name, int port, List<String> jvmOptions) {
        return ServerProcess.payara(
                name,
                work(name),
                Path.of(System.getProperty("perf.payaraJar", "perf/tools/target/payara-micro.jar")),
                Path.of(System.getProperty("perf.war", "perf/app/target/perf.war")),
                port,
                jvmOptions);
    }

    private Path work(String name) {
        return Path.of(System.getProperty("perf.workDir", "perf/tools/target/perf-work"))
                .resolve(name);
    }
}
