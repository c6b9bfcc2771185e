package org.resumablesse.redis;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.resumablesse.spi.SessionStore;

/**
 * Sessions shared by every node on one Redis: per session a hash with the token's hash, its open
 * connections (one field per connection, named by node and connection id) and when the last one
 * closed; an index from token hash to public id; a set of live sessions (bounded by the maximum)
 * and a sorted set of those with no connection, by the time their last one closed. Every operation
 * is one Lua script, so nodes never interleave wrongly.
 *
 * <p>Connections are counted by id, so a detach is idempotent and a caller that does not know
 * whether an attach reached Redis (it timed out) detaches it: if the attach arrives only after that
 * detach, a marker the detach left (kept for one lease) makes it count nothing.
 *
 * <p>A session with an open connection on a live node never expires. Each node holds a lease,
 * renewed whenever it attaches a connection or runs {@link #expireIdle}; when a node's lease has
 * run out (it crashed, or lost Redis for longer than the lease), the next expiry run on any node
 * takes its connections as closed at that moment, so a crashed node cannot keep sessions alive for
 * ever. The lease must therefore be longer than the interval of the expiry task. Times are the ones
 * the engine passes in (its clock): nodes' clocks are compared, so keep them in sync (NTP).
 *
 * <p>Thread-safe. Lifecycle: {@link #open}, use, {@link #close}; the engine owns it. Calls throw
 * {@link org.resumablesse.spi.StoreUnavailableException} when Redis cannot be reached.
 */
public final class RedisSessionStore implements SessionStore {

    private static final LuaScript SESSIONS = new LuaScript("sessions.lua");
    // The most sessions one expiry run removes; the next run takes the rest.
    private static final int EXPIRE_BATCH = 10_000;

    private final RedisCommands redis;
    private final String prefix;
    private final int maxSessions;
    private final long leaseMillis;
    private final String node;

    private RedisSessionStore(
            RedisSettings settings,
            int maxSessions,
            Duration lease,
            String node,
            RedisMetrics metrics) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions < 1: " + maxSessions);
        }
        this.redis = RedisCommands.open(settings, metrics);
        this.prefix = settings.keyPrefix();
        this.maxSessions = maxSessions;
        this.leaseMillis = lease.toMillis();
        this.node = node;
    }

    /**
     * @param maxSessions the most live sessions at once, all nodes together
     * @param lease how long this node counts as alive after it last renewed its lease; longer than
     *     the expiry task's interval
     */
    public static RedisSessionStore open(
            RedisSettings settings, int maxSessions, Duration lease, RedisMetrics metrics) {
        return new RedisSessionStore(
                settings, maxSessions, lease, UUID.randomUUID().toString(), metrics);
    }

    /** Several nodes share it, and their monotonic clocks do not agree: it needs wall time. */
    @Override
    public boolean needsWallClock() {
        return true;
    }

    @Override
    public boolean create(String sessionId, String tokenHash, String connectionId, long nowMillis) {
        return run(
                        "create",
                        nowMillis,
                        sessionId,
                        tokenHash,
                        connectionId,
                        Integer.toString(maxSessions))
                == 1L;
    }

    @Override
    public Optional<String> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(redis.call(r -> r.get(prefix + "tok:" + tokenHash)));
    }

    @Override
    public boolean isLive(String sessionId) {
        return redis.call(r -> r.exists(prefix + "sess:" + sessionId));
    }

    @Override
    public boolean attach(String sessionId, String connectionId, long nowMillis) {
        return run("attach", nowMillis, sessionId, connectionId) == 1L;
    }

    @Override
    public void detach(String sessionId, String connectionId, long nowMillis) {
        run("detach", nowMillis, sessionId, connectionId);
    }

    @Override
    public boolean rotate(String sessionId, String newTokenHash) {
        return run("rotate", 0, sessionId, newTokenHash) == 1L;
    }

    @Override
    public List<String> expireIdle(long nowMillis, long ttlMillis) {
        List<?> ids =
                (List<?>)
                        script(
                                "expire",
                                nowMillis,
                                Long.toString(ttlMillis),
                                Integer.toString(EXPIRE_BATCH));
        List<String> expired = new ArrayList<>(ids.size());
        ids.forEach(id -> expired.add((String) id));
        return expired;
    }

    @Override
    public int size() {
        return redis.call(r -> r.scard(prefix + "sessions")).intValue();
    }

    @Override
    public int connected() {
        long live = redis.call(r -> r.scard(prefix + "sessions"));
        long idle = redis.call(r -> r.zcard(prefix + "idle"));
        return (int) Math.max(0, live - idle);
    }

    @Override
    public void close() {
        redis.close();
    }

    private long run(String operation, long nowMillis, String... args) {
        return (Long) script(operation, nowMillis, args);
    }

    private Object script(String operation, long nowMillis, String... args) {
        List<String> all = new ArrayList<>(5 + args.length);
        all.add(prefix);
        all.add(operation);
        all.add(node);
        all.add(Long.toString(nowMillis));
        all.add(Long.toString(nowMillis + leaseMillis));
        all.addAll(List.of(args));
        return redis.run(SESSIONS, all);
    }
}
