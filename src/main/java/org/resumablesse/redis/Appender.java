package org.resumablesse.redis;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import org.resumablesse.Audience;
import org.resumablesse.spi.StoredEvent;

/**
 * Appends events to Redis with one script run per batch: publishers on several threads that append
 * at the same time share one round trip ({@link GroupCommit}), and the script numbers the batch's
 * events consecutively in the order they were queued. A publisher's successive appends keep their
 * order, since each waits for its own. A batch's events are held in the node's {@link RecentEvents}
 * in order, and noted as seen, before any of its callers returns. When the script fails, every
 * append of the batch fails with the {@link org.resumablesse.spi.StoreUnavailableException} of
 * {@link RedisCommands}.
 *
 * <p>Thread-safe; owned by {@link RedisEventStore}.
 */
final class Appender {

    /** The most events one script run appends. */
    static final int MAX_BATCH = 128;

    /** A batch holds more than one event only while their names and data add up to this. */
    static final int MAX_BATCH_CHARS = 1 << 20;

    private static final LuaScript APPEND = new LuaScript("append.lua");

    private final RedisCommands redis;
    private final String prefix;
    private final String capacity;
    private final String node;
    private final String feedLength;
    private final SecureRandom random;
    private final HighestSeen seen;
    private final RecentEvents recent;
    private final GroupCommit<Request, StoredEvent> batches;

    Appender(
            RedisCommands redis,
            String prefix,
            int capacity,
            String node,
            SecureRandom random,
            HighestSeen seen,
            RecentEvents recent) {
        this.redis = redis;
        this.prefix = prefix;
        this.capacity = Integer.toString(capacity);
        this.node = node;
        // The feed reaches back ten streams' worth, at least 10,000 events
        // (docs/integration/redis.md).
        this.feedLength = Integer.toString(Math.max(10_000, capacity * 10));
        this.random = random;
        this.seen = seen;
        this.recent = recent;
        this.batches =
                new GroupCommit<>(
                        this::commit,
                        MAX_BATCH,
                        MAX_BATCH_CHARS,
                        r -> r.name().length() + r.data().length());
    }

    /** One event to append. */
    record Request(Audience stream, String name, String data, long timeMillis) {}

    /**
     * Appends the event, alone or in a batch with others appended meanwhile.
     *
     * @return the event as stored, with its epoch and sequence
     * @throws org.resumablesse.spi.StoreUnavailableException when Redis did not answer or refused
     */
    StoredEvent append(Request request) {
        return batches.submit(request);
    }

    private List<StoredEvent> commit(List<Request> batch) {
        HighestSeen.Seen known = seen.now();
        List<String> args = new ArrayList<>(7 + 4 * batch.size());
        args.add(prefix);
        args.add(String.format("%016x", random.nextLong()));
        args.add(capacity);
        args.add(node);
        args.add(feedLength);
        args.add(known.epoch());
        args.add(Long.toString(known.sequence()));
        for (Request r : batch) {
            args.add(StreamNames.name(r.stream()));
            args.add(r.name());
            args.add(r.data());
            args.add(Long.toString(r.timeMillis()));
        }
        List<?> result = (List<?>) redis.run(APPEND, args);
        String epoch = (String) result.get(0);
        long first = Long.parseLong((String) result.get(1));
        List<StoredEvent> stored = new ArrayList<>(batch.size());
        for (int i = 0; i < batch.size(); i++) {
            Request r = batch.get(i);
            StoredEvent event =
                    new StoredEvent(
                            epoch, first + i, r.stream(), r.name(), r.data(), r.timeMillis());
            // Held on the node in order before anyone hears of them, so live reads find them here.
            recent.appended(event);
            stored.add(event);
        }
        seen.saw(epoch, first + batch.size() - 1);
        return stored;
    }
}
