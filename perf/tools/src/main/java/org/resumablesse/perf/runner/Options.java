package org.resumablesse.perf.runner;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The runner's command line, parsed; see {@link Runner}. Scenario 7 (several nodes on Redis) runs
 * only when asked for with {@code --scenarios}.
 *
 * @param payaraPort Payara Micro's port; scenario 7's second node uses the next one
 * @param libertyPort OpenLiberty's port
 * @param ceilingPort the ceiling's port
 * @param redisServer the {@code redis-server} binary scenario 7 starts
 * @param profile where scenario 7 writes a JFR recording of node A, or null for none
 */
record Options(
        List<String> args,
        Settings settings,
        List<String> servers,
        List<Integer> scenarios,
        List<String> targets,
        boolean strict,
        Path out,
        int payaraPort,
        int libertyPort,
        int ceilingPort,
        String redisServer,
        Path profile) {

    boolean has(int scenario) {
        return scenarios.contains(scenario);
    }

    static Options parse(String... args) {
        Settings settings = Settings.full();
        List<String> servers = List.of("payara", "liberty");
        List<Integer> scenarios = List.of(1, 2, 3, 4, 5);
        List<String> targets = List.of("ceiling", "plain", "module");
        boolean strict = false;
        Path out = null;
        Integer reps = null;
        Long events = null;
        List<Integer> idle = null;
        int payara = Runner.PAYARA_PORT;
        int liberty = Runner.LIBERTY_PORT;
        int ceiling = Runner.CEILING_PORT;
        String redis = "/usr/bin/redis-server";
        Path profile = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--quick" -> settings = Settings.quick();
                case "--smoke" -> {
                    settings = Settings.smoke();
                    servers = List.of("payara");
                    scenarios = List.of(1, 2, 4);
                    strict = true;
                }
                case "--strict" -> strict = true;
                case "--servers" -> servers = List.of(args[++i].split(","));
                case "--scenarios" -> scenarios = numbers(args[++i]);
                case "--targets" -> targets = List.of(args[++i].split(","));
                case "--reps" -> reps = Integer.valueOf(args[++i]);
                case "--events" -> events = Long.valueOf(args[++i]);
                case "--idle" -> idle = numbers(args[++i]);
                case "--out" -> out = Path.of(args[++i]);
                case "--payara-port" -> payara = Integer.parseInt(args[++i]);
                case "--liberty-port" -> liberty = Integer.parseInt(args[++i]);
                case "--ceiling-port" -> ceiling = Integer.parseInt(args[++i]);
                case "--redis-server" -> redis = args[++i];
                case "--profile" -> profile = Path.of(args[++i]).toAbsolutePath();
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (reps != null) {
            settings = settings.withReps(reps);
        }
        if (events != null) {
            settings = settings.withSaturatingEvents(events);
        }
        if (idle != null) {
            settings = settings.withIdleCounts(idle);
        }
        return new Options(
                List.of(args),
                settings,
                servers,
                scenarios,
                targets,
                strict,
                out,
                payara,
                liberty,
                ceiling,
                redis,
                profile);
    }

    private static List<Integer> numbers(String list) {
        return Arrays.stream(list.split(",")).map(Integer::valueOf).toList();
    }
}
