package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resumablesse.it.StandaloneServer.Kind;
import org.resumablesse.redis.RedisServer;

/**
 * Fault scenario (c), mixed servers: one Payara Micro node and one OpenLiberty node on one Redis of
 * the test's own. Events published on either reach the clients of both, once and in order, and a
 * client moves from one to the other and back with its cookie and {@code Last-Event-ID}, keeping
 * its session and missing nothing. Runs once, in the OpenLiberty execution (which holds the
 * machine's Liberty lock), and needs Payara Micro prepared too (not {@code -Dit.payara.skip}).
 */
@Tag("fault")
class RedisMixedNodesIT {

    @Test
    void aPayaraNodeAndAnOpenLibertyNodeShareEventsAndSessionsThroughRedis() throws Exception {
        assumeTrue(
                Kind.launched() == Kind.LIBERTY && Kind.PAYARA.prepared(),
                "runs in the OpenLiberty execution, with Payara Micro prepared");
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> config = RedisNodes.onRedis(redis, "mixed:");
            try (StandaloneServer payara =
                            StandaloneServer.start(Kind.PAYARA, "mixed-payara", config);
                    StandaloneServer liberty =
                            StandaloneServer.start(Kind.LIBERTY, "mixed-liberty", config);
                    OpenStreams streams = new OpenStreams()) {
                List<StandaloneServer> nodes = List.of(payara, liberty);
                List<SseClient> first =
                        List.of(
                                streams.open(RedisNodes.stream(payara, "orders")),
                                streams.open(RedisNodes.stream(liberty, "orders")));
                List<Connected> opened = first.stream().map(Connected::await).toList();
                List<String> published = new ArrayList<>();
                for (int i = 0; i < 20; i++) {
                    published.add(
                            RedisNodes.client(nodes.get(i % 2)).toTopic("orders", "e", "" + i));
                }
                first.forEach(c -> c.awaitEvents(Sse.published(), 20, Timeouts.DEFAULT));
                List<List<String>> received = new ArrayList<>();
                for (SseClient client : first) {
                    received.add(new ArrayList<>(Sse.ids(client.events(Sse.published()))));
                    client.close();
                }
                List<List<String>> expected = List.of(published, new ArrayList<>(published));

                // Each client moves to the other kind of server and misses events of both,
                // including one addressed to its own session.
                List<String> missed = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    missed.add(
                            RedisNodes.client(nodes.get(i)).toTopic("orders", "e", "missed" + i));
                }
                List<Connected> moved = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    String own =
                            RedisNodes.client(nodes.get(i))
                                    .toSession(opened.get(i).sessionId(), "own", "mine" + i);
                    List<String> wanted = expected.get(i);
                    wanted.addAll(missed);
                    wanted.add(own);
                    SseClient again =
                            streams.open(
                                    RedisNodes.stream(nodes.get(1 - i), "orders")
                                            .sessionCookie(first.get(i).sessionToken())
                                            .lastEventId(first.get(i).lastEventId()));
                    moved.add(Connected.await(again));
                    again.awaitEvent(Sse.withId(Set.of(own)), Timeouts.DEFAULT);
                    received.get(i).addAll(Sse.ids(again.events(Sse.published())));
                }

                for (int i = 0; i < 2; i++) {
                    DeliveryFigures figures = DeliveryFigures.of(expected.get(i), received.get(i));
                    Connected resumed = moved.get(i);
                    System.out.println(
                            figures.figure(
                                            "mixed-nodes "
                                                    + (i == 0
                                                            ? "payara-to-liberty"
                                                            : "liberty-to-payara"))
                                    + " session-kept="
                                    + resumed.sessionId().equals(opened.get(i).sessionId())
                                    + " recovered="
                                    + resumed.recovered());
                    assertEquals(opened.get(i).sessionId(), resumed.sessionId(), resumed::toString);
                    assertTrue(resumed.recovered() && !resumed.newSession(), resumed::toString);
                    assertTrue(figures.exact(), figures::toString);
                    assertEquals(expected.get(i), received.get(i));
                }
            }
        }
    }
}
