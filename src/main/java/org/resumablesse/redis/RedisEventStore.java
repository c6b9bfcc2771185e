package org.resumablesse.redis;

import java.security.SecureRandom;
import java.time.Duration;
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

/**
 * History shared by every node on one Redis: one Redis Stream per stream, trimmed to its capacity,
 * numbered by one counter that a Lua script advances atomically with the append, so appends from
 * any node interleave in one order and a read (also one script) always sees a prefix of it. Appends
 * made at the same time on one node share a script run ({@link Appender}). Every append also goes
 * to a global feed that each node follows ({@link FeedFollower}) to hand other nodes' events to its
 * own connections; the newest events are also held on the node ({@link RecentEvents}), so a
 * connection reading just behind the head is answered without a round trip. The epoch is kept in
 * Redis; when Redis has lost it (a restart without persistence, a flush) the next append starts a
 * new one, and reads for positions of the old epoch find a gap, never events of the new numbering.
 *
 * <p>When Redis cannot be reached, {@link #append} throws {@link EventRejectedException} (reason
 * {@code STORE_UNAVAILABLE}), every append of a failed batch alike; a read answers "nothing new
 * after the position" so open connections stay open, and they read on once the feed follower
 * reconnects. Keys are listed in {@code docs/integration/redis.md}.
 *
 * <p>Thread-safe. Lifecycle: {@link #open}, use, {@link #close}; the engine owns it.
 */
public final class RedisEventStore implements EventStore {

    // What RecentEvents holds at most: events (never more than a stream keeps), and characters.
    private static final int RECENT_EVENTS = 4096;
    private static final long RECENT_CHARS = 4L << 20;

    private final RedisCommands redis;
    private final Generation generation;
    private final HighestSeen seen = new HighestSeen();
    private final RecentEvents recent;
    private final Appender appender;
    private final HistoryReader reader;
    private final StreamRemover remover;
    private final FeedFollower feed;
    private volatile AppendListener listener = event -> {};

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
        String prefix = settings.keyPrefix();
        String node = UUID.randomUUID().toString();
        this.recent = new RecentEvents(Math.min(capacity, RECENT_EVENTS), RECENT_CHARS);
        this.appender = new Appender(redis, prefix, capacity, node, random, seen, recent);
        this.reader = new HistoryReader(redis, prefix);
        this.remover = new StreamRemover(redis, prefix, maxStreams);
        try {
            this.generation = new Generation(redis, prefix, random);
        } catch (RuntimeException e) {
            redis.close();
            throw e;
        }
        long head = generation.head();
        seen.saw(generation.lastEpoch(), head);
        recent.startAt(generation.lastEpoch(), head);
        this.feed =
                new FeedFollower(
                        FeedFollower.connections(settings, feedBlock),
                        prefix,
                        node,
                        generation.lastEpoch(),
                        head,
                        () -> new FeedListener(listener, seen, recent),
                        recent::fromFeed,
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
        return generation.epoch();
    }

    /** The head in Redis, or the last one seen while Redis cannot be reached. */
    @Override
    public long head() {
        return generation.head();
    }

    @Override
    public StoredEvent append(Audience stream, String name, String data, long timeMillis) {
        StoredEvent event;
        try {
            event = appender.append(new Appender.Request(stream, name, data, timeMillis));
        } catch (StoreUnavailableException e) {
            throw new EventRejectedException(
                    EventRejectedException.Reason.STORE_UNAVAILABLE,
                    "Redis did not store the event: " + e.getMessage());
        }
        generation.appended(event.epoch(), event.sequence());
        listener.appended(event);
        return event;
    }

    @Override
    public History readAfter(Set<Audience> streams, long afterSequence, int limit) {
        return readAfter(generation.lastEpoch(), streams, afterSequence, limit);
    }

    @Override
    public History readAfter(String epoch, Set<Audience> streams, long afterSequence, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit < 1: " + limit);
        }
        // Held events answer only for the epoch this node last learned of, and only when they
        // reach as far as everything it has seen of it.
        HighestSeen.Seen known = seen.now();
        History held =
                epoch.equals(generation.lastEpoch()) && known.epoch().equals(epoch)
                        ? recent.read(epoch, streams, afterSequence, limit, known.sequence())
                        : null;
        return held != null ? held : reader.readAfter(epoch, streams, afterSequence, limit);
    }

    @Override
    public void setAppendListener(AppendListener listener) {
        this.listener = listener;
    }

    @Override
    public void removeStream(Audience stream) {
        remover.remove(stream);
        recent.clear();
    }

    @Override
    public int removeIdleStreams(long idleBeforeMillis, Predicate<Audience> followed) {
        int removed = remover.removeIdle(idleBeforeMillis, followed);
        if (removed > 0) {
            recent.clear();
        }
        return removed;
    }

    @Override
    public StoreStats stats() {
        return reader.stats();
    }

    /**
     * Why Redis cannot serve now, or empty when it answers a {@code PING} within the timeout. Costs
     * one round trip.
     */
    public Optional<String> problem() {
        return redis.problem();
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
}
