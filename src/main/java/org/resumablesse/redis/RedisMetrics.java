package org.resumablesse.redis;

/**
 * Where the Redis stores report how Redis answers, for an adapter to turn into metrics. Every
 * method has an empty default, so {@link #NONE} records nothing. Implementations must be
 * thread-safe and quick: they are called on every Redis command.
 */
public interface RedisMetrics {

    /** Records nothing. */
    RedisMetrics NONE = new RedisMetrics() {};

    /** A command answered after this many nanoseconds. */
    default void roundTrip(long nanos) {}

    /** A command failed: Redis unreachable, too slow, or refused it. */
    default void storeError() {}
}
