package org.resumablesse.redis;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.resumablesse.Audience;
import org.resumablesse.spi.EventStore.StoreStats;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoreUnavailableException;

/**
 * Reads history and totals from Redis: a read is one script run, atomic with appends, so it sees a
 * prefix of the global order. Thread-safe; owned by {@link RedisEventStore}.
 */
final class HistoryReader {

    private static final LuaScript READ = new LuaScript("read.lua");

    private final RedisCommands redis;
    private final String prefix;

    HistoryReader(RedisCommands redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    /**
     * See {@link org.resumablesse.spi.EventStore#readAfter(String, Set, long, int)}; while Redis
     * cannot be reached, nothing new after the position.
     */
    History readAfter(String epoch, Set<Audience> streams, long afterSequence, int limit) {
        List<Audience> asked = List.copyOf(streams);
        List<String> args = new ArrayList<>(asked.size() + 4);
        args.add(prefix);
        args.add(epoch);
        args.add(Long.toString(afterSequence));
        args.add(Integer.toString(limit));
        asked.forEach(stream -> args.add(StreamNames.name(stream)));
        List<?> result;
        try {
            result = (List<?>) redis.run(READ, args);
        } catch (StoreUnavailableException e) {
            // Nothing new yet: the connection stays where it is and reads on when woken again.
            return new History(List.of(), true, afterSequence);
        }
        return ReadResult.parse(result, asked, epoch);
    }

    /**
     * What Redis holds for this prefix.
     *
     * @throws StoreUnavailableException when Redis does not answer
     */
    StoreStats stats() {
        List<String> totals = redis.call(r -> r.hmget(prefix + "stats", "events", "bytes"));
        long streams = redis.call(r -> r.zcard(prefix + "active"));
        return new StoreStats(number(totals.get(0)), number(totals.get(1)), (int) streams);
    }

    private static long number(String text) {
        return text == null ? 0 : Long.parseLong(text);
    }
}
