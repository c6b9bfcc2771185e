package org.resumablesse.spi;

import java.util.List;
import java.util.Optional;

/**
 * Where sessions live: the hash of each session's secret token, its public id, how many connections
 * it has open and when its last one closed. The contract every implementation keeps:
 *
 * <ul>
 *   <li>A session is live from {@link #create} until {@link #expireIdle} removes it; once removed
 *       it never comes back, under either name.
 *   <li>A session with an open connection, on this node or any other that shares the store, is
 *       never removed. A session with none is removed by the first {@link #expireIdle} run at least
 *       the time to live after its last connection closed.
 *   <li>At most the store's maximum of sessions are live at once; {@link #create} refuses more.
 *   <li>Each open connection is counted under an id the caller gives it, unique among the
 *       connections of this store instance (the store scopes it to its node). Detaching is
 *       idempotent: a connection is counted at most once, however often it is detached, and
 *       detaching an id that is not counted changes nothing. So a caller that does not know whether
 *       a {@link #create} or {@link #attach} reached the store (it threw {@link
 *       StoreUnavailableException}) detaches that connection once the store answers again, and the
 *       session's count is right whichever way it went.
 *   <li>The store keeps the token's hash, never the token.
 * </ul>
 *
 * <p>Nothing in it is addressed by an untrusted text that was not checked for shape first: callers
 * look tokens up by their hash. Arguments are never null. A store that cannot reach its data throws
 * {@link StoreUnavailableException} and changes nothing. Implementations are thread-safe; the
 * engine owns the store's lifecycle and closes it at shutdown.
 */
public interface SessionStore extends AutoCloseable {

    /**
     * Stores a new live session with one open connection (the one that asked for it), unless the
     * store holds its maximum of sessions already.
     *
     * @param sessionId the public id, new and unique
     * @param tokenHash the hash of the secret token, new and unique
     * @param connectionId the id of the connection that asked for it, new and unique
     * @return false when the maximum is reached, or when the connection was detached already (a
     *     shared store may see a create only after the caller gave up on it); nothing was stored
     */
    boolean create(String sessionId, String tokenHash, String connectionId, long nowMillis);

    /** The public id of the live session whose token has this hash; empty if none. */
    Optional<String> findByTokenHash(String tokenHash);

    /** True while the session with this public id is live. */
    boolean isLive(String sessionId);

    /**
     * Counts one more open connection of a live session.
     *
     * @param connectionId the connection's id, new and unique
     * @return false when the session is not live (it never will be again), or when this connection
     *     was detached already; nothing was counted
     */
    boolean attach(String sessionId, String connectionId, long nowMillis);

    /**
     * Stops counting this connection, made by an {@link #attach} or {@link #create} of this store
     * that succeeded or whose outcome is unknown. When the session has no connection open on any
     * node, its time to live starts now. Idempotent; an id that is not counted changes nothing.
     */
    void detach(String sessionId, String connectionId, long nowMillis);

    /**
     * Removes every session that has had no open connection on any node for at least {@code
     * ttlMillis}.
     *
     * @return the public ids of the sessions removed; the caller removes their streams
     */
    List<String> expireIdle(long nowMillis, long ttlMillis);

    /**
     * Gives a live session a new token hash: from now on the new hash finds it and the old one
     * finds nothing. Its public id, its connections, its streams and its expiry are unchanged. When
     * two rotations of one session race, the last one wins.
     *
     * @param newTokenHash the hash of the new secret token, new and unique
     * @return false when the session is not live; nothing changed
     */
    boolean rotate(String sessionId, String newTokenHash);

    /** Live sessions. */
    int size();

    /** Live sessions with at least one open connection on any node. */
    int connected();

    /**
     * Whether the times passed to this store must be wall-clock milliseconds that every node
     * sharing it reads alike. False (the default) lets the engine pass a monotonic reading instead,
     * which a step of the wall clock cannot move: only differences between the times passed to one
     * store are then meaningful, and they may be negative.
     */
    default boolean needsWallClock() {
        return false;
    }

    /** Releases the store's resources. Idempotent. */
    @Override
    void close();
}
