package org.resumablesse.redis;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.resumablesse.spi.EventStore.AppendListener;
import org.resumablesse.spi.StoredEvent;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.exceptions.JedisException;
import redis.clients.jedis.params.XReadParams;
import redis.clients.jedis.resps.StreamEntry;

/**
 * Follows the global feed (one Redis Stream per epoch, one entry per append, in sequence order) on
 * a thread and connection of its own with {@code XREAD BLOCK}, and tells the listener of every
 * event another node appended, in order. Every entry, this node's own too, is handed to a consumer
 * first (the store's {@link RecentEvents}), so it is held there before anyone is told. When it
 * finds a hole in the sequence (it fell behind further than the feed reaches), a new epoch, or
 * comes back after losing Redis, it tells the listener it missed events, so every connection reads
 * the store after its own position and either catches up or finds the gap.
 *
 * <p>Thread-safe: {@link #lastSequence()} may be read from any thread. Started by {@link #start},
 * ended by {@link #close}, by the store that owns it.
 */
final class FeedFollower implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(FeedFollower.class.getName());
    private static final int BATCH = 512;
    private static final long MAX_BACKOFF_NANOS = TimeUnit.SECONDS.toNanos(2);

    private final Supplier<Jedis> connect;
    private final String prefix;
    private final String node;
    private final Supplier<AppendListener> listener;
    private final Consumer<StoredEvent> everyEntry;
    private final RedisMetrics metrics;
    private final int blockMillis;
    private final Thread thread;
    private volatile boolean running = true;
    private volatile Jedis connection;
    private volatile String epoch;
    private volatile long lastSequence;

    FeedFollower(
            Supplier<Jedis> connect,
            String prefix,
            String node,
            String epoch,
            long after,
            Supplier<AppendListener> listener,
            Consumer<StoredEvent> everyEntry,
            RedisMetrics metrics,
            Duration block,
            ThreadFactory threads) {
        this.connect = connect;
        this.prefix = prefix;
        this.node = node;
        this.epoch = epoch;
        this.lastSequence = after;
        this.listener = listener;
        this.everyEntry = everyEntry;
        this.metrics = metrics;
        this.blockMillis = (int) Math.max(1, block.toMillis());
        this.thread = threads.newThread(this::run);
        thread.setName("resumable-sse-redis-feed");
        thread.setDaemon(true);
    }

    /**
     * Opens the follower's connections: each a {@link Jedis} of its own (a blocking read must not
     * hold a pooled connection), checked with a {@code PING}.
     */
    static Supplier<Jedis> connections(RedisSettings settings, Duration block) {
        return () -> {
            Jedis jedis = new Jedis(settings.hostAndPort(), settings.feedClientConfig(block));
            try {
                jedis.ping();
                return jedis;
            } catch (RuntimeException e) {
                jedis.close();
                throw e;
            }
        };
    }

    void start() {
        thread.start();
    }

    /** The last sequence this node has been told of through the feed. */
    long lastSequence() {
        return lastSequence;
    }

    private void run() {
        long backoff = TimeUnit.MILLISECONDS.toNanos(50);
        boolean lost = false;
        while (running) {
            try (Jedis jedis = connect.get()) {
                connection = jedis;
                if (lost) {
                    // Events appended meanwhile are read from the feed below; this wakes readers
                    // in case the feed no longer reaches back that far.
                    listener.get().missed();
                    lost = false;
                }
                follow(jedis);
            } catch (JedisException | IllegalStateException e) {
                if (!running) {
                    return;
                }
                metrics.storeError();
                lost = true;
                LOG.log(System.Logger.Level.DEBUG, "Resumable SSE feed lost Redis; retrying", e);
                LockSupport.parkNanos(backoff);
                backoff = Math.min(MAX_BACKOFF_NANOS, backoff * 2);
            }
        }
    }

    private void follow(Jedis jedis) {
        XReadParams params = XReadParams.xReadParams().block(blockMillis).count(BATCH);
        boolean checkEpoch = true;
        while (running) {
            if (checkEpoch) {
                String now = jedis.get(prefix + "epoch");
                if (now != null && !now.equals(epoch)) {
                    epoch = now;
                    lastSequence = 0;
                    listener.get().missed();
                }
            }
            List<Map.Entry<String, List<StreamEntry>>> read =
                    jedis.xread(
                            params,
                            Map.of(prefix + "feed:" + epoch, new StreamEntryID(lastSequence, 0)));
            // Appends go to the feed of Redis's epoch, so while this feed brings entries the epoch
            // is the same; a new epoch leaves it silent, and the check after a silent read finds it
            // as soon as checking before every read would (within one block time).
            checkEpoch = read == null || read.isEmpty();
            if (read == null) {
                continue;
            }
            for (Map.Entry<String, List<StreamEntry>> stream : read) {
                for (StreamEntry entry : stream.getValue()) {
                    deliver(entry);
                }
            }
        }
    }

    private void deliver(StreamEntry entry) {
        long sequence = entry.getID().getTime();
        AppendListener told = listener.get();
        if (sequence != lastSequence + 1) {
            told.missed();
        }
        lastSequence = sequence;
        Map<String, String> fields = entry.getFields();
        StoredEvent event =
                new StoredEvent(
                        epoch,
                        sequence,
                        StreamNames.audience(fields.get("s")),
                        fields.get("n"),
                        fields.get("d"),
                        Long.parseLong(fields.get("t")));
        everyEntry.accept(event);
        if (!node.equals(fields.get("o"))) {
            told.appended(event);
        }
    }

    /** Stops following: ends the blocking read by closing its connection. Idempotent. */
    @Override
    public void close() {
        running = false;
        Jedis jedis = connection;
        if (jedis != null) {
            try {
                jedis.close();
            } catch (RuntimeException e) {
                // Closing a connection another thread reads on may complain; it is closed anyway.
            }
        }
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
