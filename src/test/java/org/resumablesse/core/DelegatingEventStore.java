package org.resumablesse.core;

import java.util.Set;
import java.util.function.Predicate;
import org.resumablesse.Audience;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/** An event store that forwards to another; tests override a method to inject failures. */
class DelegatingEventStore implements EventStore {

    private final EventStore delegate;

    DelegatingEventStore(EventStore delegate) {
        this.delegate = delegate;
    }

    @Override
    public String epoch() {
        return delegate.epoch();
    }

    @Override
    public long head() {
        return delegate.head();
    }

    @Override
    public StoredEvent append(Audience stream, String name, String data, long timeMillis) {
        return delegate.append(stream, name, data, timeMillis);
    }

    @Override
    public History readAfter(Set<Audience> streams, long afterSequence) {
        return delegate.readAfter(streams, afterSequence);
    }

    @Override
    public History readAfter(Set<Audience> streams, long afterSequence, int limit) {
        return delegate.readAfter(streams, afterSequence, limit);
    }

    @Override
    public void setAppendListener(AppendListener listener) {
        delegate.setAppendListener(listener);
    }

    @Override
    public void removeStream(Audience stream) {
        delegate.removeStream(stream);
    }

    @Override
    public int removeIdleStreams(long idleBeforeMillis, Predicate<Audience> followed) {
        return delegate.removeIdleStreams(idleBeforeMillis, followed);
    }

    @Override
    public StoreStats stats() {
        return delegate.stats();
    }

    @Override
    public void close() {
        delegate.close();
    }
}
