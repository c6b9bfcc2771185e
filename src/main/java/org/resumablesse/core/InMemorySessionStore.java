package org.resumablesse.core;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.resumablesse.spi.SessionStore;

/**
 * The embedded session store: this JVM's sessions in two maps under one lock. Sessions end with the
 * JVM. Thread-safe.
 */
public final class InMemorySessionStore implements SessionStore {

    private final int maxSessions;
    private final Map<String, Entry> byId = new HashMap<>();
    private final Map<String, String> idByTokenHash = new HashMap<>();
    private int connected;

    /**
     * @param maxSessions the most live sessions at once, one or more
     */
    public InMemorySessionStore(int maxSessions) {
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions < 1: " + maxSessions);
        }
        this.maxSessions = maxSessions;
    }

    @Override
    public synchronized boolean create(
            String sessionId, String tokenHash, String connectionId, long nowMillis) {
        if (byId.size() >= maxSessions) {
            return false;
        }
        Entry entry = new Entry(tokenHash, nowMillis);
        entry.open.add(connectionId);
        connected++;
        byId.put(sessionId, entry);
        idByTokenHash.put(tokenHash, sessionId);
        return true;
    }

    @Override
    public synchronized Optional<String> findByTokenHash(String tokenHash) {
        return Optional.ofNullable(idByTokenHash.get(tokenHash));
    }

    @Override
    public synchronized boolean isLive(String sessionId) {
        return byId.containsKey(sessionId);
    }

    @Override
    public synchronized boolean attach(String sessionId, String connectionId, long nowMillis) {
        Entry entry = byId.get(sessionId);
        if (entry == null) {
            return false;
        }
        if (entry.open.isEmpty()) {
            connected++;
        }
        entry.open.add(connectionId);
        return true;
    }

    @Override
    public synchronized void detach(String sessionId, String connectionId, long nowMillis) {
        Entry entry = byId.get(sessionId);
        if (entry == null || !entry.open.remove(connectionId)) {
            return;
        }
        if (entry.open.isEmpty()) {
            connected--;
        }
        entry.lastActiveMillis = nowMillis;
    }

    @Override
    public synchronized boolean rotate(String sessionId, String newTokenHash) {
        Entry entry = byId.get(sessionId);
        if (entry == null) {
            return false;
        }
        idByTokenHash.remove(entry.tokenHash);
        entry.tokenHash = newTokenHash;
        idByTokenHash.put(newTokenHash, sessionId);
        return true;
    }

    @Override
    public synchronized List<String> expireIdle(long nowMillis, long ttlMillis) {
        List<String> expired = new ArrayList<>();
        for (Iterator<Map.Entry<String, Entry>> it = byId.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<String, Entry> next = it.next();
            Entry entry = next.getValue();
            if (entry.open.isEmpty() && nowMillis - entry.lastActiveMillis >= ttlMillis) {
                it.remove();
                idByTokenHash.remove(entry.tokenHash);
                expired.add(next.getKey());
            }
        }
        return expired;
    }

    @Override
    public synchronized int size() {
        return byId.size();
    }

    @Override
    public synchronized int connected() {
        return connected;
    }

    @Override
    public synchronized void close() {
        byId.clear();
        idByTokenHash.clear();
        connected = 0;
    }

    private static final class Entry {
        String tokenHash;
        final Set<String> open = new HashSet<>();
        long lastActiveMillis;

        Entry(String tokenHash, long nowMillis) {
            this.tokenHash = tokenHash;
            this.lastActiveMillis = nowMillis;
        }
    }
}
