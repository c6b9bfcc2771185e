package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resumablesse.redis.RedisServer;

/**
 * Two server processes of the same kind on one Redis of the test's own ({@code
 * resumable-sse.store=redis}): a client on node A receives what node B publishes, then moves to
 * node B with its cookie and {@code Last-Event-ID} and recovers exactly what it missed. Node A's
 * readiness is down, with the reason, while Redis is frozen; its liveness stays up; the Redis
 * metrics are served.
 */
class RedisNodesIT {

    @Test
    void aClientOnOneNodeReceivesWhatTheOtherPublishesAndResumesOnIt() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> config = RedisNodes.onRedis(redis, "it:");
            try (StandaloneServer a = StandaloneServer.start("redis-a", config);
                    StandaloneServer b = StandaloneServer.start("redis-b", config);
                    OpenStreams streams = new OpenStreams()) {
                SseClient onA =
                        streams.open(
                                SseClient.to(a.base().resolve(DemoClient.JAXRS_EVENTS))
                                        .topic("orders"));
                onA.awaitConnected();
                DemoClient publishOnA = new DemoClient(a.base().toURL());
                DemoClient publishOnB = new DemoClient(b.base().toURL());

                String fromB = publishOnB.toTopic("orders", "shipped", "{\"n\":1}");
                onA.awaitEvent(Sse.withId(Set.of(fromB)), Timeouts.DEFAULT);
                String token = onA.sessionToken();
                onA.close();
                String missed = publishOnA.toTopic("orders", "shipped", "{\"n\":2}");

                SseClient onB =
                        streams.open(
                                SseClient.to(b.base().resolve(DemoClient.JAXRS_EVENTS))
                                        .topic("orders")
                                        .sessionCookie(token)
                                        .lastEventId(fromB));
                Connected connected = Connected.await(onB);

                assertTrue(connected.recovered(), () -> "recovered on B: " + connected);
                assertEquals(1, connected.replayed());
                assertEquals(
                        missed, onB.awaitEvent(Sse.withId(Set.of(missed)), Timeouts.DEFAULT).id());

                DemoClient.Answer ready = publishOnA.get(a.base().resolve("health/ready"));
                assertEquals(200, ready.status(), ready::toString);
                assertTrue(ready.body().contains("resumable-sse-store"), ready::toString);
                redis.pause();
                try {
                    DemoClient.Answer down = publishOnA.get(a.base().resolve("health/ready"));
                    assertEquals(503, down.status(), down::toString);
                    assertTrue(down.body().contains("\"reason\""), down::toString);
                } finally {
                    redis.resume();
                }
                DemoClient.Answer live = publishOnA.get(a.base().resolve("health/live"));
                assertEquals(200, live.status(), live::toString);
                String metrics = publishOnA.applicationMetrics();
                for (String name :
                        List.of(
                                "resumablesse_store_errors",
                                "resumablesse_redis_round_trip",
                                "resumablesse_feed_lag")) {
                    assertTrue(metrics.contains(name), () -> name + " in " + metrics);
                }
            }
        }
    }

    /**
     * Node A is killed (SIGKILL) while node B publishes: the client reconnects to B with its cookie
     * and {@code Last-Event-ID} and, across both streams, gets every event exactly once, in order.
     */
    @Test
    void aClientOfAKilledNodeResumesOnTheOtherWithEveryEventOnceAndInOrder() throws Exception {
        try (RedisServer redis = RedisServer.start()) {
            Map<String, String> config = RedisNodes.onRedis(redis, "kill:");
            try (StandaloneServer a = StandaloneServer.start("redis-kill-a", config);
                    StandaloneServer b = StandaloneServer.start("redis-kill-b", config);
                    OpenStreams streams = new OpenStreams()) {
                SseClient onA =
                        streams.open(
                                SseClient.to(a.base().resolve(DemoClient.JAXRS_EVENTS))
                                        .topic("orders"));
                onA.awaitConnected();
                DemoClient publishOnB = new DemoClient(b.base().toURL());
                List<String> published = new ArrayList<>();
                for (int i = 0; i < 100; i++) {
                    published.add(publishOnB.toTopic("orders", "shipped", "{\"n\":" + i + "}"));
                    if (i == 20) {
                        onA.awaitEvent(Sse.published(), Timeouts.DEFAULT);
                        a.close();
                    }
                }
                onA.awaitEnd(Timeouts.DEFAULT);
                List<String> before = Sse.ids(onA.events(Sse.published()));
                String token = onA.sessionToken();

                SseClient onB =
                        streams.open(
                                SseClient.to(b.base().resolve(DemoClient.JAXRS_EVENTS))
                                        .topic("orders")
                                        .sessionCookie(token)
                                        .lastEventId(before.get(before.size() - 1)));
                Connected connected = Connected.await(onB);
                onB.awaitEvent(
                        Sse.withId(Set.of(published.get(published.size() - 1))), Timeouts.DEFAULT);

                assertTrue(connected.recovered(), () -> "recovered on B: " + connected);
                List<String> received = new ArrayList<>(before);
                received.addAll(Sse.ids(onB.events(Sse.published())));
                assertEquals(published, received);
            }
        }
    }
}
