package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumablesse.testkit.Theories.anyOf;
import static org.resumablesse.testkit.Theories.check;
import static org.resumablesse.testkit.Theories.listOf;
import static org.resumablesse.testkit.Theories.setOf;
import static org.resumablesse.testkit.Theories.weight;
import static org.resumablesse.testkit.Theories.weighted;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
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
    @Test
    void reconnectingClientsGetExactlyWhatTheyMissedOrAGapWithItsReason() {
        Map<String, Integer> outcomes = new TreeMap<>();
        check(
                500,
                Generate.range(1, 6),
                clientTopics(),
                replaySteps(),
                (capacity, clientTopics, steps) ->
                        run(capacity, clientTopics, steps, false, outcomes));
        // The generators' reach, checked rather than assumed: a replay, and gaps of each cause.
        assertThat(outcomes)
                .as("outcomes of the reconnects")
                .containsKeys(
                        "recovered with replay",
                        "recovered, nothing missed",
                        "no cursor",
                        "overflow",
                        "unknown-epoch",
                        "invalid");
    }

    /**
     * Sessions expire and idle streams are removed as the clock moves; clients keep their topics
     * and send the last id they saw. Live sessions still recover exactly; a client whose session
     * expired resumes its public streams in a new session and is told so.
     */
    @Test
    void expiryNeverCostsALiveSessionAnEventAndExpiredOnesResumeInANewSession() {
        Map<String, Integer> outcomes = new TreeMap<>();
        check(
                300,
                Generate.range(1, 6),
                clientTopics(),
                expirySteps(),
                (capacity, clientTopics, steps) ->
                        run(capacity, clientTopics, steps, true, outcomes));
        assertThat(outcomes)
                .as("outcomes of the reconnects")
                .containsKeys("recovered with replay", "new session");
    }

    private static void run(
            int capacity,
            List<Set<String>> clientTopics,
            List<Step> steps,
            boolean keepTopics,
            Map<String, Integer> outcomes) {
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
            harness.outcomes().forEach(outcome -> outcomes.merge(outcome, 1, Integer::sum));
        } finally {
            harness.close();
        }
    }

    private static Gen<List<Set<String>>> clientTopics() {
        return listOf(topics(), 1, 3);
    }

    private static Gen<List<Step>> replaySteps() {
        Gen<Step> step =
                weighted(
                        weight(10, publish()),
                        weight(2, disconnect()),
                        weight(3, reconnect(Kind.RECONNECT, allCursors())),
                        weight(3, reconnect(Kind.OUTAGE, allCursors())));
        return listOf(step, 0, 40);
    }

    private static Gen<List<Step>> expirySteps() {
        Gen<CursorKind> cursors =
                weighted(
                        weight(6, Generate.constant(CursorKind.LAST_SEEN)),
                        weight(1, Generate.constant(CursorKind.NONE)));
        Duration ttl = ReplayHarness.TTL;
        Gen<Step> expire =
                anyOf(
                                ttl.dividedBy(3),
                                ttl.minusMillis(1),
                                ttl,
                                ttl.plusMillis(1),
                                Duration.ofMillis(1))
                        .map(d -> timeStep(Kind.EXPIRE, d));
        Gen<Step> tick =
                Generate.longRange(1, ttl.toMillis())
                        .map(ms -> timeStep(Kind.TICK, Duration.ofMillis(ms)));
        Gen<Step> step =
                weighted(
                        weight(10, publish()),
                        weight(3, disconnect()),
                        weight(2, reconnect(Kind.RECONNECT, cursors)),
                        weight(3, reconnect(Kind.OUTAGE, cursors)),
                        weight(3, expire),
                        weight(2, tick));
        return listOf(step, 0, 40);
    }

    private static Step timeStep(Kind kind, Duration duration) {
        return new Step(
                kind, null, 0, null, false, 0, 0, Set.of(), duration, List.of(), List.of(),
                List.of());
    }

    private static Gen<Step> publish() {
        return targets()
                .zip(
                        clientIndex(),
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

    private static Gen<Step> disconnect() {
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
    private static Gen<Step> reconnect(Kind kind, Gen<CursorKind> cursors) {
        Gen<List<Target>> meanwhile =
                kind == Kind.OUTAGE ? listOf(targets(), 0, 12) : Generate.constant(List.of());
        Gen<List<Target>> racing = listOf(targets(), 0, 3);
        Gen<Boolean> forged =
                weighted(weight(9, Generate.constant(false)), weight(1, Generate.constant(true)));
        Gen<Long> older = Generate.longRange(0, 60);
        Gen<Integer> malformed = Generate.range(0, 100);
        return in -> {
            int client = clientIndex().generate(in);
            CursorKind cursor = cursors.generate(in);
            boolean forgedToken = forged.generate(in);
            long olderBy = older.generate(in);
            int malformedBy = malformed.generate(in);
            Set<String> topics = topics().generate(in);
            List<Target> during = meanwhile.generate(in);
            List<Target> beforeRead = racing.generate(in);
            List<Target> afterRead = racing.generate(in);
            return new Step(
                    kind,
                    null,
                    client,
                    cursor,
                    forgedToken,
                    olderBy,
                    malformedBy,
                    topics,
                    null,
                    during,
                    beforeRead,
                    afterRead);
        };
    }

    private static Gen<Target> targets() {
        return weighted(
                weight(4, Generate.constant(Target.BROADCAST)),
                weight(2, Generate.constant(Target.TOPIC_A)),
                weight(2, Generate.constant(Target.TOPIC_B)),
                weight(1, Generate.constant(Target.TOPIC_C)),
                weight(2, Generate.constant(Target.USER_1)),
                weight(1, Generate.constant(Target.USER_2)),
                weight(3, Generate.constant(Target.SESSION_OF)),
                weight(1, Generate.constant(Target.UNKNOWN_SESSION)));
    }

    private static Gen<CursorKind> allCursors() {
        return weighted(
                weight(8, Generate.constant(CursorKind.LAST_SEEN)),
                weight(1, Generate.constant(CursorKind.NONE)),
                weight(3, Generate.constant(CursorKind.OLDER)),
                weight(1, Generate.constant(CursorKind.MALFORMED)),
                weight(1, Generate.constant(CursorKind.FUTURE)),
                weight(1, Generate.constant(CursorKind.OTHER_EPOCH)));
    }

    private static Gen<Integer> clientIndex() {
        return Generate.range(0, 2);
    }

    private static Gen<Set<String>> topics() {
        return setOf(anyOf("a", "b", "c"), 0, 3);
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
