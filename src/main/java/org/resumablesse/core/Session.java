package org.resumablesse.core;

import org.resumablesse.Audience;

/**
 * A client identity that outlives connections: a public id to address it, the hash of its secret
 * resume token, and how many connections it has open. A session with no open connection expires
 * {@code buffer-ttl} after the last one closed; once expired it never comes back.
 *
 * <p>Thread-safe: its counters are guarded by its own lock. Created and removed by {@link
 * SessionRegistry}.
 */
public final class Session {

    /** What an attempt to add a connection to a session gave. */
    enum Attach {
        ATTACHED,
        EXPIRED,
        FULL
    }

    private final String id;
    private final String tokenHash;
    private final Audience stream;
    private int openConnections;
    private long lastActiveMillis;
    private boolean expired;

    Session(String id, String tokenHash, long nowMillis) {
        this.id = id;
        this.tokenHash = tokenHash;
        this.stream = Audience.session(id);
        this.lastActiveMillis = nowMillis;
    }

    /** The public session id. */
    public String id() {
        return id;
    }

    String tokenHash() {
        return tokenHash;
    }

    /** The session's own stream. */
    public Audience stream() {
        return stream;
    }

    /** How many connections are open now. */
    public synchronized int openConnections() {
        return openConnections;
    }

    synchronized boolean isExpired() {
        return expired;
    }

    synchronized Attach attach(int maxConnections) {
        if (expired) {
            return Attach.EXPIRED;
        }
        if (openConnections >= maxConnections) {
            return Attach.FULL;
        }
        openConnections++;
        return Attach.ATTACHED;
    }

    synchronized void detach(long nowMillis) {
        if (openConnections > 0) {
            openConnections--;
        }
        lastActiveMillis = nowMillis;
    }

    /** Marks the session expired if it has had no connection for the whole TTL. */
    synchronized boolean expireIfIdle(long nowMillis, long ttlMillis) {
        if (!expired && openConnections == 0 && nowMillis - lastActiveMillis >= ttlMillis) {
            expired = true;
        }
        return expired;
    }

    @Override
    public String toString() {
        // Never the token, not even its hash.
        return "Session[" + id + "]";
    }
}
