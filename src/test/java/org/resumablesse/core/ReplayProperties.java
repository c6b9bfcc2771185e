package org.resumablesse.core;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.resumablesse.core.ReplayHarness.CursorKind;
import org.resumablesse.core.ReplayHarness.Target;

/**
 * The replay invariant end to end, through {@link SseEngine#admit} and {@link SseEngine#open}: a
 * reconnecting client gets exactly the events of its streams after its cursor, in order and once,
 * then live events; or, when that is impossible, a gap with the right reason and live events from
 * the current head. A model that keeps every published event is the oracle.
 */
class ReplayProperties {

    enum Kind {
        PUBLISH,
        DISCONNECT,
        RECONNECT,
        OUTAGE,
        EXPIRE,
        TICK
    }

    record Step(
            Kind kind,
            Target target,
            int client,
            CursorKind cursor,
            boolean forgedToken,
            long older,
            int malformed,
            Set<String> topics,
            Duration step,
            List<Target> meanwhile,
            List<Target> beforeRead,
            List<Target> afterRead) {}

    /**
     * Any cursor a client may send (its own, an older one, malformed, from the future, from another
     * epoch, with a forged token), any topics on each reconnect; no expiry, so only capacity loses
     * history.
     */
    @Property(tries = 500, edgeCases = EdgeCasesMode.NONE)
    void reconnectingClientsGetExactlyWhatTheyMissedOrAGapWithItsReason(
            @ForAll @IntRange(min = 1, max = 6) int capacity,
            @ForAll("clientTopics") List<Set<String>> clientTopics,
            @ForAll("replaySteps") List<Step> steps) {
        run(capacity, clientTopics, steps, false);
    }

    /**
     * Sessions expire and idle streams are removed as the clock moves; clients keep their topics
     * and send the last id they saw. Live sessions still recover exactly; expired ones are told so.
     */
    @Property(tries = 300, edgeCases = EdgeCasesMode.NONE)
    void expiryNeverCostsALiveSessionAnEventAndExpiredOnesAreToldSo(
            @ForAll @IntRange(min = 1, max = 6) int capacity,
            @ForAll("clientTopics") List<Set<String>> clientTopics,
            @ForAll("expirySteps") List<Step> steps) {
        run(capacity, clientTopics, steps, true);
    }

    private static void run(
            int capacity, List<Set<String>> clientTopics, List<Step> steps, boolean keepTopics) {
        ReplayHarness harness = new ReplayHarness(capacity, clientTopics);
        try {
            for (Step step : steps) {
                switch (step.kind()) {
                    case PUBLISH -> harness.publish(step.target(), step.client());
                    case DISCONNECT -> harness.disconnect(step.client());
                    case RECONNECT -> reconnect(harness, step, keepTopics, clientTopics);
                    case OUTAGE -> {
                        harness.disconnect(step.client());
                        for (Target target : step.meanwhile()) {
                            harness.publish(target, step.client());
                        }
                        reconnect(harness, step, keepTopics, clientTopics);
                    }
                    case EXPIRE -> {
                        harness.expire(step.step());
                        harness.verify();
                    }
                    case TICK -> harness.tick(step.step());
                }
            }
            harness.verify();
            harness.outcomes().forEach(outcome -> Statistics.collect(outcome));
        } finally {
            harness.close();
        }
    }

    @Provide
    Arbitrary<List<Set<String>>> clientTopics() {
        return topics().list().ofMinSize(1).ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<Step>> replaySteps() {
        return Arbitraries.frequencyOf(
                        Tuple.of(10, publish()),
                        Tuple.of(2, disconnect()),
                        Tuple.of(3, reconnect(Kind.RECONNECT, allCursors())),
                        Tuple.of(3, reconnect(Kind.OUTAGE, allCursors())))
                .list()
                .ofMaxSize(40);
    }

    @Provide
    Arbitrary<List<Step>> expirySteps() {
        Arbitrary<CursorKind> cursors =
                Arbitraries.frequency(
                        Tuple.of(6, CursorKind.LAST_SEEN), Tuple.of(1, CursorKind.NONE));
        Duration ttl = ReplayHarness.TTL;
        Arbitrary<Step> expire =
                Arbitraries.of(
                                ttl.dividedBy(3),
                                ttl.minusMillis(1),
                                ttl,
                                ttl.plusMillis(1),
                                Duration.ofMillis(1))
                        .map(d -> timeStep(Kind.EXPIRE, d));
        Arbitrary<Step> tick =
                Arbitraries.longs()
                        .between(1, ttl.toMillis())
                        .map(ms -> timeStep(Kind.TICK, Duration.ofMillis(ms)));
        return Arbitraries.frequencyOf(
                        Tuple.of(10, publish()),
                        Tuple.of(3, disconnect()),
                        Tuple.of(2, reconnect(Kind.RECONNECT, cursors)),
                        Tuple.of(3, reconnect(Kind.OUTAGE, cursors)),
                        Tuple.of(3, expire),
                        Tuple.of(2, tick))
                .list()
                .ofMaxSize(40);
    }

    private static Step timeStep(Kind kind, Duration duration) {
        return new Step(
                kind, null, 0, null, false, 0, 0, Set.of(), duration, List.of(), List.of(),
                List.of());
    }

    private static Arbitrary<Step> publish() {
        return Combinators.combine(targets(), clientIndex())
                .as(
                        (target, client) ->
                                new Step(
                                        Kind.PUBLISH,
                                        target,
                                        client,
                                        null,
                                        false,
                                        0,
                                        0,
                                        Set.of(),
                                        null,
                                        List.of(),
                                        List.of(),
                                        List.of()));
    }

    private static Arbitrary<Step> disconnect() {
        return clientIndex()
                .map(
                        client ->
                                new Step(
                                        Kind.DISCONNECT,
                                        null,
                                        client,
                                        null,
                                        false,
                                        0,
                                        0,
                                        Set.of(),
                                        null,
                                        List.of(),
                                        List.of(),
                                        List.of()));
    }

    /** A reconnect, or an outage: offline while some events are published, then a reconnect. */
    private static Arbitrary<Step> reconnect(Kind kind, Arbitrary<CursorKind> cursors) {
        Arbitrary<List<Target>> meanwhile =
                kind == Kind.OUTAGE ? targets().list().ofMaxSize(12) : Arbitraries.just(List.of());
        Arbitrary<List<Target>> racing = targets().list().ofMaxSize(3);
        return Combinators.combine(
                        clientIndex(),
                        cursors,
                        Arbitraries.frequency(Tuple.of(9, false), Tuple.of(1, true)),
                        Arbitraries.longs().between(0, 60),
                        Arbitraries.integers().between(0, 100),
                        topics(),
                        meanwhile,
                        Combinators.combine(racing, racing).as(List::of))
                .as(
                        (client, cursor, forged, older, malformed, topics, during, race) ->
                                new Step(
                                        kind,
                                        null,
                                        client,
                                        cursor,
                                        forged,
                                        older,
                                        malformed,
                                        topics,
                                        null,
                                        during,
                                        race.get(0),
                                        race.get(1)));
    }

    private static Arbitrary<Target> targets() {
        return Arbitraries.frequency(
                Tuple.of(4, Target.BROADCAST),
                Tuple.of(2, Target.TOPIC_A),
                Tuple.of(2, Target.TOPIC_B),
                Tuple.of(1, Target.TOPIC_C),
                Tuple.of(2, Target.USER_1),
                Tuple.of(1, Target.USER_2),
                Tuple.of(3, Target.SESSION_OF),
                Tuple.of(1, Target.UNKNOWN_SESSION));
    }

    private static Arbitrary<CursorKind> allCursors() {
        return Arbitraries.frequency(
                Tuple.of(8, CursorKind.LAST_SEEN),
                Tuple.of(1, CursorKind.NONE),
                Tuple.of(3, CursorKind.OLDER),
                Tuple.of(1, CursorKind.MALFORMED),
                Tuple.of(1, CursorKind.FUTURE),
                Tuple.of(1, CursorKind.OTHER_EPOCH));
    }

    private static Arbitrary<Integer> clientIndex() {
        return Arbitraries.integers().between(0, 2);
    }

    private static Arbitrary<Set<String>> topics() {
        return Arbitraries.of("a", "b", "c").set().ofMaxSize(3);
    }

    private static void reconnect(
            ReplayHarness harness, Step step, boolean keepTopics, List<Set<String>> clientTopics) {
        harness.reconnect(
                step.client(),
                step.cursor(),
                step.forgedToken(),
                step.older(),
                step.malformed(),
                keepTopics ? clientTopics.get(step.client() % clientTopics.size()) : step.topics(),
                step.beforeRead(),
                step.afterRead());
    }
}
