package org.resumablesse.redis;

import java.util.List;
import java.util.function.Predicate;
import org.resumablesse.Audience;

/**
 * Removes streams from Redis with the removal script, which remembers each removed stream's last
 * sequence (at most {@code maxTombstones}, folding older ones into a floor) so older cursors still
 * see the gap. Thread-safe; owned by {@link RedisEventStore}.
 */
final class StreamRemover {

    private static final LuaScript REMOVE = new LuaScript("remove.lua");

    private final RedisCommands redis;
    private final String prefix;
    private final String maxTombstones;

    StreamRemover(RedisCommands redis, String prefix, int maxTombstones) {
        this.redis = redis;
        this.prefix = prefix;
        this.maxTombstones = Integer.toString(maxTombstones);
    }

    void remove(Audience stream) {
        remove(stream, "");
    }

    /** See {@link org.resumablesse.spi.EventStore#removeIdleStreams}. */
    int removeIdle(long idleBeforeMillis, Predicate<Audience> followed) {
        List<String> idle =
                redis.call(r -> r.zrangeByScore(prefix + "active", "-inf", "(" + idleBeforeMillis));
        int removed = 0;
        for (String name : idle) {
            Audience stream = StreamNames.audience(name);
            if (stream.kind() != Audience.Kind.BROADCAST
                    && !followed.test(stream)
                    && remove(stream, Long.toString(idleBeforeMillis))) {
                removed++;
            }
        }
        return removed;
    }

    /** Removes the stream unless it had an append since {@code idleBefore} ("" for any time). */
    private boolean remove(Audience stream, String idleBefore) {
        Object done =
                redis.run(
                        REMOVE,
                        List.of(prefix, StreamNames.name(stream), maxTombstones, idleBefore));
        return Long.valueOf(1).equals(done);
    }
}
