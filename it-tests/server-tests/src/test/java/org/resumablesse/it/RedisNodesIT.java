package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
            Map<String, String> config =
                    Map.of(
                            "resumable-sse.store", "redis",
                            "resumable-sse.redis.url", redis.url(),
                            "resumable-sse.redis.key-prefix", "it:");
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
}
