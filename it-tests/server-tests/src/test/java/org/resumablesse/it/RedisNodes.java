package org.resumablesse.it;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.resumablesse.redis.RedisServer;

/**
 * Demo nodes on a Redis of the test's own: the settings that put a node on it, and publishing while
 * Redis may be coming back. Stateless.
 */
final class RedisNodes {

    private RedisNodes() {}

    /** The settings that put a node on this Redis, under its own key prefix. */
    static Map<String, String> onRedis(RedisServer redis, String keyPrefix) {
        return onRedis(redis, keyPrefix, Map.of());
    }

    /** The settings that put a node on this Redis, under its own key prefix, and these. */
    static Map<String, String> onRedis(
            RedisServer redis, String keyPrefix, Map<String, String> more) {
        Map<String, String> settings = new HashMap<>(more);
        settings.put("resumable-sse.store", "redis");
        settings.put("resumable-sse.redis.url", redis.url());
        settings.put("resumable-sse.redis.key-prefix", keyPrefix);
        return settings;
    }

    /**
     * Opens the stream the way a client that honours a refusal's {@code retry:} hint would: after
     * Redis came back, a node's first command on each of its pooled connections may still fail, and
     * the node refuses that connection in-band ({@code refused}, reason {@code store-unavailable}).
     * At most five tries; any other refusal fails.
     *
     * @return the stream let in (its first event is {@code connected}) and how many refusals came
     *     first
     */
    static Reopened openOnceRedisAnswers(OpenStreams streams, SseRequest request) {
        int refused = 0;
        while (true) {
            SseClient stream = streams.open(request);
            SseEvent first =
                    stream.awaitEvent(
                            e -> e.name().equals("connected") || e.name().equals("refused"),
                            Timeouts.DEFAULT);
            if (first.name().equals("connected") || refused == 4) {
                return new Reopened(stream, refused);
            }
            if (!first.json().getString("reason").equals("store-unavailable")) {
                throw new AssertionError("refused for another reason: " + stream.transcript());
            }
            stream.close();
            refused++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** A stream opened after this many in-band refusals. */
    record Reopened(SseClient stream, int refused) {}

    /** Waits this long: the length of a fault a scenario imposes, not a wait for an event. */
    static void hold(Duration fault) {
        long deadline = System.nanoTime() + fault.toNanos();
        for (long left = fault.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }

    /** A stream request to the demo's JAX-RS stream on this node, following this topic. */
    static SseRequest stream(StandaloneServer node, String topic) {
        return SseClient.to(node.base().resolve(DemoClient.JAXRS_EVENTS)).topic(topic);
    }

    /** The demo's endpoints on this node. */
    static DemoClient client(StandaloneServer node) {
        try {
            return new DemoClient(node.base().toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    /** Event data that names the event by a number. */
    static String json(int n) {
        return "{\"n\":" + n + "}";
    }
}
