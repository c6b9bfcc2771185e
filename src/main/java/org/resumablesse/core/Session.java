package org.resumablesse.core;

import java.util.Queue;
import org.resumablesse.Audience;
import org.resumablesse.spi.SessionStore;
import org.resumablesse.spi.StoreUnavailableException;

/**
 * This node's handle on a client identity that outlives connections: a public id to address it and
 * how many connections it has open on this node (the hash of its secret token is the store's). The
 * session itself (whether it is live, its connections on every node, its expiry) is kept by the
 * {@link SessionStore}; a session with no open connection anywhere expires {@code buffer-ttl} after
 * the last one closed, and once expired it never comes back.
 *
 * <p>Thread-safe: its counter is guarded by its own lock, which is held across the store call that
 * attaches, so this node never counts more than the per-session limit. Created and dropped by
 * {@link SessionRegistry}.
 */
public final class Session {

    /** What an attempt to add a connection to a session gave. */
    enum Attach {
        ATTACHED,
        EXPIRED,
        FULL
    }

    private final String id;
    private final Audience stream;
    private final SessionStore store;
    private int openConnections;
    private boolean expired;

    Session(String id, SessionStore store, int openConnections) {
        this.id = id;
        this.stream = Audience.session(id);
        this.store = store;
        this.openConnections = openConnections;
    }

    /** The public session id. */
    public String id() {
        return id;
    }

    /** The session's own stream. */
    public Audience stream() {
        return stream;
    }

    /** How many connections are open on this node now. */
    public synchronized int openConnections() {
        return openConnections;
    }

    synchronized boolean isExpired() {
        return expired;
    }

    synchronized Attach attach(int maxConnections, long nowMillis) {
        if (expired) {
            return Attach.EXPIRED;
        }
        if (openConnections >= maxConnections) {
            return Attach.FULL;
        }
        if (!store.attach(id, nowMillis)) {
            expired = true;
            return Attach.EXPIRED;
        }
        openConnections++;
        return Attach.ATTACHED;
    }

    /**
     * Gives back a connection slot. When the store cannot be reached, the store's part is handed to
     * {@code retries}, so the session still expires once it is reached again.
     */
    synchronized void detach(long nowMillis, Queue<Runnable> retries) {
        if (openConnections > 0) {
            openConnections--;
            Runnable storeDetach = () -> store.detach(id, nowMillis);
            try {
                storeDetach.run();
            } catch (StoreUnavailableException e) {
                retries.add(storeDetach);
            }
        }
    }

    /** Marks the session expired: the store removed it. */
    synchronized void expire() {
        expired = true;
    }

    @Override
    public String toString() {
        // Never the token, not even its hash.
        return "Session[" + id + "]";
    }
}
