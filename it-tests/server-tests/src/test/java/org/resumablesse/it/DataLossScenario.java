package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Fault scenario (c), Redis losing its data under two running nodes: what {@link RedisFaultsIT}
 * runs for a restart without persistence and for a flush. Stateless.
 */
final class DataLossScenario {

    private DataLossScenario() {}

    /**
     * Redis loses its data while both nodes run. Streams open across the loss end without an event
     * of the new epoch; every old cursor, theirs and one of a client that was away, is then told
     * {@code unknown-epoch} and gets no event but those published after it came back.
     */
    static void run(String scenario, Runnable loseData, StandaloneServer a, StandaloneServer b) {
        String topic = scenario;
        try (OpenStreams streams = new OpenStreams()) {
            List<SseClient> open =
                    List.of(
                            streams.open(RedisNodes.stream(a, topic)),
                            streams.open(RedisNodes.stream(b, topic)));
            SseClient away = streams.open(RedisNodes.stream(a, topic));
            List<SseClient> old = List.of(open.get(0), open.get(1), away);
            old.forEach(SseClient::awaitConnected);
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                before.add(
                        RedisNodes.client(i % 2 == 0 ? a : b)
                                .toTopic(topic, "e", RedisNodes.json(i)));
            }
            old.forEach(c -> c.awaitEvents(Sse.published(), 4, Timeouts.DEFAULT));
            away.close();

            loseData.run();
            Publications after = new Publications(topic);
            after.publishUntilStored(RedisNodes.client(b), "after-4");
            after.publishUntilStored(RedisNodes.client(a), "after-5");
            open.forEach(c -> c.awaitEnd(Timeouts.DEFAULT));

            List<SseClient> again = new ArrayList<>();
            List<StandaloneServer> nodes = List.of(a, b, b);
            int refused = 0;
            for (int i = 0; i < old.size(); i++) {
                RedisNodes.Reopened reopened =
                        RedisNodes.openOnceRedisAnswers(
                                streams,
                                RedisNodes.stream(nodes.get(i), topic)
                                        .sessionCookie(old.get(i).sessionToken())
                                        .lastEventId(old.get(i).lastEventId()));
                again.add(reopened.stream());
                refused += reopened.refused();
            }
            List<Connected> answers = again.stream().map(Connected::await).toList();
            String live = RedisNodes.client(a).toTopic(topic, "e", RedisNodes.json(6));
            again.forEach(c -> c.awaitEvent(Sse.withId(Set.of(live)), Timeouts.DEFAULT));

            long toldUnknownEpoch =
                    answers.stream()
                            .filter(c -> !c.recovered())
                            .filter(c -> c.reason().equals(Optional.of("unknown-epoch")))
                            .count();
            int wrong = 0;
            for (SseClient stream : old) {
                wrong += wrongEvents(stream, before);
            }
            for (SseClient stream : again) {
                wrong += wrongEvents(stream, List.of(live));
            }
            System.out.println(
                    "FAULT-FIGURE (c) "
                            + scenario
                            + " old-cursors="
                            + old.size()
                            + " told-unknown-epoch="
                            + toldUnknownEpoch
                            + " wrong-events="
                            + wrong
                            + " open-streams-closed="
                            + open.stream().filter(SseClient::ended).count()
                            + " streams-refused-while-redis-came-back="
                            + refused);
            assertEquals(old.size(), toldUnknownEpoch, answers::toString);
            answers.forEach(c -> assertEquals(0, c.replayed(), c::toString));
            assertEquals(0, wrong, "no stream got an event it should not have");
        }
    }

    /** How far the stream's events differ from exactly these, in this order. */
    private static int wrongEvents(SseClient stream, List<String> expected) {
        DeliveryFigures figures =
                DeliveryFigures.of(expected, Sse.ids(stream.events(Sse.published())));
        return figures.lost()
                + figures.duplicated()
                + figures.reordered()
                + figures.foreign()
                + figures.unconfirmed();
    }
}
