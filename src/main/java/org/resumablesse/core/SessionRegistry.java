package org.resumablesse.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The sessions of this node, found by the hash of their token or by their public id. Tokens are
 * checked by shape, then looked up by hash, so a guessed token learns nothing from timing and the
 * secret is never stored.
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
    private final int maxSessions;
    private final ConcurrentHashMap<String, Session> byTokenHash = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, Session> byId = new ConcurrentHashMap<>();
    private final AtomicInteger count = new AtomicInteger();

    SessionRegistry(SessionIds ids, int maxSessions) {
        this.ids = ids;
        this.maxSessions = maxSessions;
    }

    /**
     * The live session this token resumes.
     *
     * @param token untrusted text from a cookie or header; may be null
     * @return empty for a missing, malformed, unknown or expired token
     */
    Optional<Session> resume(String token) {
        if (!SessionIds.isWellFormedToken(token)) {
            return Optional.empty();
        }
        Session session = byTokenHash.get(SessionIds.hash(token));
        return session == null || session.isExpired() ? Optional.empty() : Optional.of(session);
    }

    /**
     * Issues a new session.
     *
     * @return the session with its token, or empty when {@code max-sessions} are held already
     */
    Optional<Issued> issue(long nowMillis) {
        if (count.incrementAndGet() > maxSessions) {
            count.decrementAndGet();
            return Optional.empty();
        }
        String token = ids.newToken();
        Session session = new Session(ids.newSessionId(), SessionIds.hash(token), nowMillis);
        byTokenHash.put(session.tokenHash(), session);
        byId.put(session.id(), session);
        return Optional.of(new Issued(session, token));
    }

    Optional<Session> byId(String sessionId) {
        Session session = sessionId == null ? null : byId.get(sessionId);
        return session == null || session.isExpired() ? Optional.empty() : Optional.of(session);
    }

    /** Removes every session idle for the whole TTL; never one with an open connection. */
    List<Session> expireIdle(long nowMillis, long ttlMillis) {
        List<Session> expired = new ArrayList<>();
        for (Session session : byId.values()) {
            if (session.expireIfIdle(nowMillis, ttlMillis)) {
                remove(session);
                expired.add(session);
            }
        }
        return expired;
    }

    int size() {
        return count.get();
    }

    int connected() {
        int connected = 0;
        for (Session session : byId.values()) {
            if (session.openConnections() > 0) {
                connected++;
            }
        }
        return connected;
    }

    private void remove(Session session) {
        if (byId.remove(session.id(), session)) {
            byTokenHash.remove(session.tokenHash(), session);
            count.decrementAndGet();
        }
    }
}
