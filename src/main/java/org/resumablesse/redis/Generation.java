package org.resumablesse.redis;

import java.security.SecureRandom;
import org.resumablesse.spi.StoreUnavailableException;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * Redis's epoch and head (the last sequence given out) as this node last read or was given them:
 * while Redis cannot be reached, the last ones seen are answered. Thread-safe; owned by {@link
 * RedisEventStore}.
 */
final class Generation {

    private final RedisCommands redis;
    private final String prefix;
    private final SecureRandom random;
    private volatile String epoch;
    private volatile long head;

    /**
     * Reads (or starts) Redis's epoch and reads its head.
     *
     * @throws StoreUnavailableException when Redis does not answer
     */
    Generation(RedisCommands redis, String prefix, SecureRandom random) {
        this.redis = redis;
        this.prefix = prefix;
        this.random = random;
        this.epoch = redis.call(this::adoptEpoch);
        this.head = readHead();
    }

    /** The epoch in Redis (started if Redis has none), or the last one seen. */
    String epoch() {
        try {
            epoch = redis.call(this::adoptEpoch);
        } catch (StoreUnavailableException e) {
            // The last epoch seen; reads check it against Redis's when it answers again.
        }
        return epoch;
    }

    /** The epoch as last seen, without asking Redis. */
    String lastEpoch() {
        return epoch;
    }

    /** Redis's head, or the last one seen. */
    long head() {
        try {
            head = readHead();
        } catch (StoreUnavailableException e) {
            // The last head seen: a new connection starts there and catches up when Redis returns.
        }
        return head;
    }

    /** Notes an append this node made. */
    void appended(String epoch, long sequence) {
        this.epoch = epoch;
        this.head = Math.max(head, sequence);
    }

    private long readHead() {
        String text = redis.call(r -> r.get(prefix + "seq"));
        return text == null ? 0 : Long.parseLong(text);
    }

    /** Redis's epoch, after starting one if it has none (first start, or its data is gone). */
    private String adoptEpoch(UnifiedJedis r) {
        r.set(
                prefix + "epoch",
                String.format("%016x", random.nextLong()),
                SetParams.setParams().nx());
        return r.get(prefix + "epoch");
    }
}
