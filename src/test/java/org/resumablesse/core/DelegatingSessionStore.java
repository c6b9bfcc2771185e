package org.resumablesse.core;

import java.util.List;
import java.util.Optional;
import org.resumablesse.spi.SessionStore;

/** A session store that forwards to another; tests override a method to inject failures. */
class DelegatingSessionStore implements SessionStore {

    private final SessionStore delegate;

    DelegatingSessionStore(SessionStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public boolean create(String sessionId, String tokenHash, String connectionId, long nowMillis) {
        return delegate.create(sessionId, tokenHash, connectionId, nowMillis);
    }

    @Override
    public Optional<String> findByTokenHash(String tokenHash) {
        return delegate.findByTokenHash(tokenHash);
    }

    @Override
    public boolean isLive(String sessionId) {
        return delegate.isLive(sessionId);
    }

    @Override
    public boolean attach(String sessionId, String connectionId, long nowMillis) {
        return delegate.attach(sessionId, connectionId, nowMillis);
    }

    @Override
    public void detach(String sessionId, String connectionId, long nowMillis) {
        delegate.detach(sessionId, connectionId, nowMillis);
    }

    @Override
    public boolean rotate(String sessionId, String newTokenHash) {
        return delegate.rotate(sessionId, newTokenHash);
    }

    @Override
    public boolean needsWallClock() {
        return delegate.needsWallClock();
    }

    @Override
    public List<String> expireIdle(long nowMillis, long ttlMillis) {
        return delegate.expireIdle(nowMillis, ttlMillis);
    }

    @Override
    public int size() {
        return delegate.size();
    }

    @Override
    public int connected() {
        return delegate.connected();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
