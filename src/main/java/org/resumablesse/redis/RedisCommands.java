package org.resumablesse.redis;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.resumablesse.spi.StoreUnavailableException;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The pooled connections the stores send commands on, timing each one and counting failures.
 * Thread-safe; the store that opened it closes it.
 */
final class RedisCommands implements AutoCloseable {

    private final UnifiedJedis redis;
    private final RedisMetrics metrics;

    RedisCommands(UnifiedJedis redis, RedisMetrics metrics) {
        this.redis = redis;
        this.metrics = metrics;
    }

    static RedisCommands open(RedisSettings settings, RedisMetrics metrics) {
        redis.clients.jedis.ConnectionPoolConfig pool =
                new redis.clients.jedis.ConnectionPoolConfig();
        pool.setMaxTotal(settings.poolSize());
        pool.setMaxIdle(settings.poolSize());
        pool.setMaxWait(settings.timeout());
        pool.setJmxEnabled(false);
        RedisClient client =
                RedisClient.builder()
                        .hostAndPort(settings.hostAndPort())
                        .clientConfig(settings.clientConfig())
                        .poolConfig(pool)
                        .build();
        return new RedisCommands(client, metrics);
    }

    /**
     * Runs one command.
     *
     * @throws StoreUnavailableException when Redis cannot be reached, is too slow or refuses;
     *     counted as a store error
     */
    <T> T call(Function<UnifiedJedis, T> command) {
        long start = System.nanoTime();
        try {
            T result = command.apply(redis);
            metrics.roundTrip(System.nanoTime() - start);
            return result;
        } catch (JedisException e) {
            metrics.storeError();
            throw new StoreUnavailableException("Redis: " + e.getMessage(), e);
        }
    }

    /** Runs a script; see {@link #call}. */
    Object run(LuaScript script, List<String> args) {
        return call(redis -> script.run(redis, args));
    }

    /** Why Redis cannot serve now, or empty when it answers a {@code PING} within the timeout. */
    Optional<String> problem() {
        try {
            call(UnifiedJedis::ping);
            return Optional.empty();
        } catch (StoreUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
