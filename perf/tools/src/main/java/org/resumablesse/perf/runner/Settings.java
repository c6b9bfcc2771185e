package org.resumablesse.perf.runner;

import java.util.List;

/**
 * The sizes of one benchmark run: {@link #full()} as the issue states them, {@link #quick()} to try
 * everything in a few minutes, {@link #smoke()} to check correctness in under a minute.
 *
 * @param reps repetitions of each measured run (scenario 3 does at most 2, scenario 5 one)
 * @param warmUp whether each target gets one unrecorded small run before scenarios 1 and 2
 * @param saturating scenario 1
 * @param rated scenario 2
 * @param idleCounts scenario 3: the numbers of idle connections
 * @param storm scenario 4
 * @param stalled scenario 5
 * @param nodes scenario 7
 */
record Settings(
        int reps,
        boolean warmUp,
        Delivery saturating,
        Delivery rated,
        List<Integer> idleCounts,
        Storm storm,
        Stalled stalled,
        Nodes nodes) {

    /** Clients that read everything; {@code rate} 0 publishes as fast as the server takes it. */
    record Delivery(int clients, long events, int size, double rate) {}

    /** Clients that saw {@code before} events, miss {@code missed}, then reconnect at once. */
    record Storm(int clients, long before, long missed) {}

    /** One fast client and {@code stalled} that never read, {@code size}-byte events. */
    record Stalled(int stalled, int size, double rate, int seconds) {}

    /**
     * Scenario 7: {@code clients} split evenly over the nodes, {@code events} at {@code rate} from
     * the first node; then {@code burst} events published as fast as the first node takes them by 1
     * and by {@code threads} threads, to {@code followers} clients per node.
     */
    record Nodes(
            int clients,
            long events,
            int size,
            double rate,
            long burst,
            int threads,
            int followers) {}

    static Settings full() {
        return new Settings(
                3,
                true,
                new Delivery(1000, 1000, 100, 0),
                new Delivery(1000, 500, 100, 50),
                List.of(5000, 10000),
                new Storm(1000, 10, 100),
                new Stalled(50, 16 * 1024, 25, 60),
                new Nodes(1000, 300, 100, 10, 30_000, 32, 5));
    }

    static Settings quick() {
        return new Settings(
                1,
                true,
                new Delivery(200, 200, 100, 0),
                new Delivery(200, 100, 100, 50),
                List.of(1000),
                new Storm(200, 10, 100),
                new Stalled(10, 16 * 1024, 25, 10),
                new Nodes(200, 100, 100, 10, 10_000, 16, 2));
    }

    static Settings smoke() {
        return new Settings(
                1,
                false,
                new Delivery(20, 50, 100, 0),
                new Delivery(20, 50, 100, 100),
                List.of(100),
                new Storm(20, 5, 20),
                new Stalled(2, 16 * 1024, 25, 2),
                new Nodes(20, 20, 100, 10, 1_000, 4, 1));
    }

    /** Scenario 1 with this many events: a burst at full speed. */
    Settings withSaturatingEvents(long events) {
        Delivery burst =
                new Delivery(saturating.clients(), events, saturating.size(), saturating.rate());
        return new Settings(reps, warmUp, burst, rated, idleCounts, storm, stalled, nodes);
    }

    /** Scenario 3 at these numbers of idle connections. */
    Settings withIdleCounts(List<Integer> counts) {
        return new Settings(reps, warmUp, saturating, rated, counts, storm, stalled, nodes);
    }

    Settings withReps(int newReps) {
        return new Settings(newReps, warmUp, saturating, rated, idleCounts, storm, stalled, nodes);
    }
}
