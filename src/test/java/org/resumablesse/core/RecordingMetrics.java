package org.resumablesse.core;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/** Metrics that remember what they were told. Thread-safe. */
final class RecordingMetrics implements EngineMetrics {

    final List<CloseCause> closed = new CopyOnWriteArrayList<>();
    final List<GapReason> gaps = new CopyOnWriteArrayList<>();
    final AtomicInteger delivered = new AtomicInteger();
    final AtomicInteger published = new AtomicInteger();
    final AtomicInteger reconnected = new AtomicInteger();
    final List<Integer> replayed = new CopyOnWriteArrayList<>();
    final AtomicInteger sessionsReplaced = new AtomicInteger();

    @Override
    public void sessionReplaced() {
        sessionsReplaced.incrementAndGet();
    }

    @Override
    public void published() {
        published.incrementAndGet();
    }

    @Override
    public void delivered(int count) {
        delivered.addAndGet(count);
    }

    @Override
    public void reconnected() {
        reconnected.incrementAndGet();
    }

    @Override
    public void replayed(int count) {
        replayed.add(count);
    }

    @Override
    public void recoveryFailed(GapReason reason) {
        gaps.add(reason);
    }

    @Override
    public void connectionClosed(CloseCause cause) {
        closed.add(cause);
    }
}
