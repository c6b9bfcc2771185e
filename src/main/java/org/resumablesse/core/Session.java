package org.resumablesse.core;

import java.util.ArrayDeque;
import java.util.Deque;
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
 * <p>Each connection is counted in the store under an id of its own. An attach or detach whose
 * outcome the store could not report is detached again by id once the store answers (through the
 * registry's retries), which is right whether or not it reached the store: so a failed call can
 * neither keep the session alive for ever nor end it while a connection is open.
 *
 * <p>Thread-safe: its connections are guarded by its own lock, which is held across the store call
 * that attaches, so this node never counts more than the per-session limit. Created and dropped by
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
    // The ids of this node's connections that the store counts; any one of them goes at a detach.
    private final Deque<String> connections = new ArrayDeque<>();
    private boolean expired;

    /**
     * @param connectionId the connection the store counted when it created the session, or null
     */
    Session(String id, SessionStore store, String connectionId) {
        this.id = id;
        this.stream = Audience.session(id);
        this.store = store;
        if (connectionId != null) {
            connections.add(connectionId);
        }
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
        return connections.size();
    }

    synchronized boolean isExpired() {
        return expired;
    }

    /**
     * Counts a connection with this new id.
     *
     * @param retries receives the detach of the connection when the store could not say whether it
     *     counted it
     * @throws StoreUnavailableException when the store could not be reached
     */
    synchronized Attach attach(
            int maxConnections, String connectionId, long nowMillis, Queue<Runnable> retries) {
        if (expired) {
            return Attach.EXPIRED;
        }
        if (connections.size() >= maxConnections) {
            return Attach.FULL;
        }
        boolean attached;
        try {
            attached = store.attach(id, connectionId, nowMillis);
        } catch (StoreUnavailableException e) {
            retries.add(() -> store.detach(id, connectionId, nowMillis));
            throw e;
        }
        if (!attached) {
            expired = true;
            return Attach.EXPIRED;
        }
        connections.add(connectionId);
        return Attach.ATTACHED;
    }

    /**
     * Gives back a connection slot. When the store cannot be reached, the store's part is handed to
     * {@code retries}, so the session still expires once it is reached again.
     */
    synchronized void detach(long nowMillis, Queue<Runnable> retries) {
        String connectionId = connections.poll();
        if (connectionId != null) {
            Runnable storeDetach = () -> store.detach(id, connectionId, nowMillis);
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
