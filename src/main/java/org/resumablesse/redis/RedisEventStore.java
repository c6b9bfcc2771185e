package org.resumablesse.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadFactory;
import java.util.function.Predicate;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoreUnavailableException;
import org.resumablesse.spi.StoredEvent;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.params.SetParams;

/**
 * History shared by every node on one Redis: one Redis Stream per stream, trimmed to its capacity,
 * numbered by one counter that a Lua script advances atomically with the append, so appends from
 * any node interleave in one order and a read (also one script) always sees a prefix of it. Every
 * append also goes to a global feed that each node follows ({@link FeedFollower}) to hand other
 * nodes' events to its own connections. The epoch is kept in Redis; when Redis has lost it (a
 * restart without persistence, a flush) the next append starts a new one, and reads for positions
 * of the old epoch find a gap, never events of the new numbering.
 *
 * <p>When Redis cannot be reached, {@link #append} throws {@link EventRejectedException} (reason
 * {@code STORE_UNAVAILABLE}); a read answers "nothing new after the position" so open connections
 * stay open, and they read on once the feed follower reconnects. Keys are listed in {@code
 * docs/integration/redis.md}.
 *
 * <p>Thread-safe. Lifecycle: {@link #open}, use, {@link #close}; the engine owns it.
 */
public final class RedisEventStore implements EventStore {

    private static final LuaScript APPEND = new LuaScript("append.lua");
    private static final LuaScript READ = new LuaScript("read.lua");
    private static final LuaScript REMOVE = new LuaScript("remove.lua");

    private final RedisCommands redis;
    private final String prefix;
    private final int capacity;
    private final int maxTombstones;
    private final int feedLength;
    private final SecureRandom random;
    private final String node = UUID.randomUUID().toString();
    private final FeedFollower feed;
    private volatile AppendListener listener = event -> {};
    private volatile String epoch;
    private volatile long knownHead;
    // The highest sequence this node has been given or told of, and its epoch.
    private volatile Seen seen = new Seen("", 0);

    private RedisEventStore(
            RedisSettings settings,
            int capacity,
            int maxStreams,
            SecureRandom random,
            RedisMetrics metrics,
            Duration feedBlock,
            ThreadFactory threads) {
        if (capacity < 1 || maxStreams < 1) {
            throw new IllegalArgumentException("capacity and maxStreams must be at least 1");
        }
        this.redis = RedisCommands.open(settings, metrics);
        this.prefix = settings.keyPrefix();
        this.capacity = capacity;
        this.maxTombstones = maxStreams;
        this.feedLength = Math.max(10_000, capacity * 10);
        this.random = random;
        try {
            this.epoch = redis.call(this::adoptEpoch);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        this.knownHead = head();
        saw(epoch, knownHead);
        this.feed =
                new FeedFollower(
                        () -> {
                            Jedis jedis =
                                    new Jedis(
                                            settings.hostAndPort(),
                                            settings.feedClientConfig(feedBlock));
                            jedis.ping();
                            return jedis;
                        },
                        prefix,
                        node,
                        epoch,
                        knownHead,
                        () -> seenListener(),
                        metrics,
                        feedBlock,
                        threads);
        feed.start();
    }

    /**
     * Connects to Redis, adopts its epoch (or starts one) and starts following the feed.
     *
     * @param capacity events kept per stream, one or more
     * @param maxStreams removed streams remembered; past it the oldest are folded into a floor
     * @param feedBlock how long one blocking read of the feed waits
     * @param threads makes the feed follower's thread (a container's managed factory)
     * @throws StoreUnavailableException if Redis cannot be reached
     */
    public static RedisEventStore open(
            RedisSettings settings,
            int capacity,
            int maxStreams,
            SecureRandom random,
            RedisMetrics metrics,
            Duration feedBlock,
            ThreadFactory threads) {
        return new RedisEventStore(
                settings, capacity, maxStreams, random, metrics, feedBlock, threads);
    }

    /** The epoch in Redis, or the last one seen while Redis cannot be reached. */
    @Override
    public String epoch() {
        try {
            epoch = redis.call(this::adoptEpoch);
        } catch (StoreUnavailableException e) {
            // The last epoch seen; reads check it against Redis's when it answers again.
        }
        return epoch;
    }

    /** Redis's epoch, after starting one if it has none (first start, or its data is gone). */
    private String adoptEpoch(UnifiedJedis r) {
        r.set(
                prefix + "epoch",
                String.format("%016x", random.nextLong()),
                SetParams.setParams().nx());
        return r.get(prefix + "epoch");
    }

    @Override
    public long head() {
        try {
            String head = redis.call(r -> r.get(prefix + "seq"));
            knownHead = head == null ? 0 : Long.parseLong(head);
        } catch (StoreUnavailableException e) {
            // The last head seen: a new connection starts there and catches up when Redis returns.
        }
        return knownHead;
    }

    @Override
    public StoredEvent append(Audience stream, String name, String data, long timeMillis) {
        List<?> result;
        try {
            result =
                    (List<?>)
                            redis.run(
                                    APPEND,
                                    List.of(
                                            prefix,
                                            String.format("%016x", random.nextLong()),
                                            StreamNames.name(stream),
                                            name,
                                            data,
                                            Long.toString(timeMillis),
                                            Integer.toString(capacity),
                                            node,
                                            Integer.toString(feedLength),
                                            seen.epoch(),
                                            Long.toString(seen.sequence())));
        } catch (StoreUnavailableException e) {
            throw new EventRejectedException(
                    EventRejectedException.Reason.STORE_UNAVAILABLE,
                    "Redis did not store the event: " + e.getMessage());
        }
        epoch = (String) result.get(0);
        long sequence = Long.parseLong((String) result.get(1));
        knownHead = sequence;
        saw(epoch, sequence);
        StoredEvent event = new StoredEvent(epoch, sequence, stream, name, data, timeMillis);
        listener.appended(event);
        return event;
    }

    /** Remembers the highest sequence seen per epoch; a new epoch starts over. */
    private synchronized void saw(String epoch, long sequence) {
        if (!epoch.equals(seen.epoch()) || sequence > seen.sequence()) {
            seen = new Seen(epoch, sequence);
        }
    }

    private record Seen(String epoch, long sequence) {}

    @Override
    public History readAfter(Set<Audience> streams, long afterSequence, int limit) {
        return readAfter(epoch, streams, afterSequence, limit);
    }

    @Override
    public History readAfter(String epoch, Set<Audience> streams, long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
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

    /** The listener, behind a note of every sequence the feed brings. */
    private AppendListener seenListener() {
        AppendListener target = listener;
        return new AppendListener() {
            @Override
            public void appended(StoredEvent event) {
                saw(event.epoch(), event.sequence());
                target.appended(event);
            }

            @Override
            public void missed() {
                target.missed();
            }
        };
    }

    @Override
    public void setAppendListener(AppendListener listener) {
        this.listener = listener;
    }

    @Override
    public void removeStream(Audience stream) {
        remove(stream, "");
    }

    @Override
    public int removeIdleStreams(long idleBeforeMillis, Predicate<Audience> followed) {
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

    private boolean remove(Audience stream, String idleBefore) {
        Object done =
                redis.run(
                        REMOVE,
                        List.of(
                                prefix,
                                StreamNames.name(stream),
                                Integer.toString(maxTombstones),
                                idleBefore));
        return Long.valueOf(1).equals(done);
    }

    @Override
    public StoreStats stats() {
        List<String> totals = redis.call(r -> r.hmget(prefix + "stats", "events", "bytes"));
        long streams = redis.call(r -> r.zcard(prefix + "active"));
        return new StoreStats(number(totals.get(0)), number(totals.get(1)), (int) streams);
    }

    /**
     * Why Redis cannot serve now, or empty when it answers a {@code PING} within the timeout. Costs
     * one round trip.
     */
    public Optional<String> problem() {
        try {
            redis.call(r -> r.ping());
            return Optional.empty();
        } catch (StoreUnavailableException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** How many sequences the feed follower is behind the head (0 when Redis is unreachable). */
    public long feedLag() {
        return Math.max(0, head() - feed.lastSequence());
    }

    @Override
    public void close() {
        feed.close();
        redis.close();
    }

    private static long number(String text) {
        return text == null ? 0 : Long.parseLong(text);
    }
}
