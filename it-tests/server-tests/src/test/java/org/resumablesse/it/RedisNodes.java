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
     * Publishes the form until the node stores it. While Redis is away or the node's pooled
     * connections to it are stale, the node must say so ({@code 503}); any other answer fails.
     *
     * @return the event's id and how many times the node answered 503 first
     */
    static Published publishOnceRedisAnswers(DemoClient node, Map<String, String> form) {
        long deadline = System.nanoTime() + Timeouts.DEFAULT.toNanos();
        int refused = 0;
        while (true) {
            DemoClient.Answer answer = node.publish(form);
            if (answer.status() == 202) {
                return new Published(answer.json().getString("id"), refused);
            }
            if (answer.status() != 503 || System.nanoTime() - deadline > 0) {
                throw new AssertionError("publish " + form + " while Redis comes back: " + answer);
            }
            refused++;
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
    }

    /** A stored event's id, and how many times publishing it was refused first. */
    record Published(String id, int refused) {}

    /** Waits this long: the length of a fault a scenario imposes, not a wait for an event. */
    static void hold(Duration fault) {
        long deadline = System.nanoTime() + fault.toNanos();
        for (long left = fault.toNanos(); left > 0; left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
    }
}
