package org.resumablesse.core;

import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import org.resumablesse.spi.SessionStore;
import org.resumablesse.spi.StoreUnavailableException;

/**
 * Finds sessions by the hash of their token or by their public id, in the {@link SessionStore}, and
 * keeps this node's handles on them. Tokens are checked by shape, then looked up by hash, so a
 * guessed token learns nothing from timing and the secret is never stored. The hash also covers the
 * principal and whatever the session is bound to ({@link SessionIds#hash(String, String, String)}),
 * so a token presented by another principal or client finds nothing.
 *
 * <p>Thread-safe.
 */
final class SessionRegistry {

    /**
     * A new session and the token that resumes it; the only place the token exists in the server.
     */
    record Issued(Session session, String token) {
        @Override
        public String toString() {
            return "Issued[" + session + "]";
        }
    }

    private final SessionIds ids;
    private final SessionStore store;
    // This node's handles, so that the per-session connection limit counts one object per session.
    private final ConcurrentHashMap<String, Session> handles = new ConcurrentHashMap<>();
    // Detaches the store could not take; retried before every expiry run, oldest first.
    private final Queue<Runnable> retries = new ConcurrentLinkedQueue<>();
    // Connection ids need only be unique within this node's store: the store scopes them.
    private final AtomicLong connections = new AtomicLong();

    SessionRegistry(SessionIds ids, SessionStore store) {
        this.ids = ids;
        this.store = store;
    }

    /**
     * The live session this token resumes for this principal and client.
     *
     * @param token untrusted text from a cookie or header; may be null
     * @param user the authenticated principal's name, or null
     * @param binding what the session is bound to, empty for nothing
     * @return empty for a missing, malformed, unknown or expired token, or one that belongs to
     *     another principal or client
     */
    Optional<Resumed> resume(String token, String user, String binding) {
        if (!SessionIds.isWellFormedToken(token)) {
            return Optional.empty();
        }
        Optional<Resumed> own =
                store.findByTokenHash(SessionIds.hash(token, user, binding))
                        .map(id -> new Resumed(handle(id), false));
        if (own.isPresent() || user == null) {
            return own;
        }
        // The same client signed in since: its anonymous session is now the user's.
        return store.findByTokenHash(SessionIds.hash(token, null, binding))
                .map(id -> new Resumed(handle(id), true));
    }

    /** Resumes an anonymous session with nothing bound. */
    Optional<Session> resume(String token) {
        return resume(token, null, "").map(Resumed::session);
    }

    /**
     * A resumed session.
     *
     * @param signedIn true when the token was an anonymous one and the request carries a principal:
     *     the session must be given a new token for that principal
     */
    record Resumed(Session session, boolean signedIn) {}

    private Session handle(String id) {
        return handles.computeIfAbsent(id, key -> new Session(key, store, null));
    }

    /**
     * Gives a live session a new token for this principal and client; the old token no longer
     * resumes it.
     *
     * @return the new token, or empty when the session is not live
     */
    Optional<String> rotate(String sessionId, String user, String binding) {
        String token = ids.newToken();
        return store.rotate(sessionId, SessionIds.hash(token, user, binding))
                ? Optional.of(token)
                : Optional.empty();
    }

    /**
     * Issues a new session with one connection attached.
     *
     * @return the session with its token, or empty when {@code max-sessions} are held already
     */
    Optional<Issued> issue(long nowMillis) {
        return issue(nowMillis, null, "");
    }

    /** Issues a new session for this principal and client with one connection attached. */
    Optional<Issued> issue(long nowMillis, String user, String binding) {
        String token = ids.newToken();
        String id = ids.newSessionId();
        String hash = SessionIds.hash(token, user, binding);
        String connection = nextConnectionId();
        boolean created;
        try {
            created = store.create(id, hash, connection, nowMillis);
        } catch (StoreUnavailableException e) {
            // A shared store may still have created it: give back its connection, so it expires.
            retries.add(() -> store.detach(id, connection, nowMillis));
            throw e;
        }
        if (!created) {
            return Optional.empty();
        }
        Session session = new Session(id, store, connection);
        handles.put(id, session);
        return Optional.of(new Issued(session, token));
    }

    boolean isLive(String sessionId) {
        return sessionId != null && store.isLive(sessionId);
    }

    Optional<Session> byId(String sessionId) {
        if (sessionId == null || !store.isLive(sessionId)) {
            return Optional.empty();
        }
        Session local = handles.get(sessionId);
        return Optional.of(local != null ? local : new Session(sessionId, store, null));
    }

    /**
     * Removes every session idle for the whole TTL on every node; never one with an open
     * connection. Also drops this node's handles on sessions it has no connection to, which the
     * next resume finds again in the store.
     *
     * @return the public ids of the expired sessions
     */
    List<String> expireIdle(long nowMillis, long ttlMillis) {
        for (Runnable retry = retries.peek(); retry != null; retry = retries.peek()) {
            retry.run();
            retries.remove(retry);
        }
        List<String> expired = store.expireIdle(nowMillis, ttlMillis);
        for (String id : expired) {
            Session session = handles.remove(id);
            if (session != null) {
                session.expire();
            }
        }
        handles.values().removeIf(session -> session.openConnections() == 0);
        return expired;
    }

    /**
     * Holds a connection slot in the session.
     *
     * @throws StoreUnavailableException when the store could not be reached; the slot is given back
     *     at a later expiry run, in case the store counted it
     */
    Session.Attach attach(Session session, int maxConnections, long nowMillis) {
        return session.attach(maxConnections, nextConnectionId(), nowMillis, retries);
    }

    /** Gives back a connection slot of the session. */
    void detach(Session session, long nowMillis) {
        session.detach(nowMillis, retries);
    }

    private String nextConnectionId() {
        return Long.toString(connections.incrementAndGet(), Character.MAX_RADIX);
    }

    int size() {
        return store.size();
    }

    int connected() {
        return store.connected();
    }
}
