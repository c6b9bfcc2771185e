package org.resumablesse.core;

import java.util.List;
import java.util.Optional;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/**
 * Decides what a new connection gets: nothing before now (no cursor), exactly the events after its
 * cursor, or a gap with its reason. A cursor without a live session (no token, or an unknown or
 * expired one) still recovers every followed stream that is not private to a session: broadcast,
 * topics, the user's stream. The new session's own stream has nothing to recover, and the earlier
 * session's stream is not followed, so its events are never replayed to the new session; the {@code
 * connected} event says {@code newSession} instead. Runs after the connection is registered for
 * live events, so every event is either in the plan or arrives live; {@link
 * Plan#deliveredThrough()} tells which. A client that missed more than {@code max-replay-events} is
 * told of an overflow gap rather than sent them.
 *
 * <p>Not thread-safe; one per connection attempt.
 */
final class RecoveryPlanner {

    /**
     * @param recovery what the client is told
     * @param events the events to replay, in order
     * @param deliveredThrough live events up to this sequence are covered by the plan and must be
     *     skipped
     */
    record Plan(Recovery recovery, List<StoredEvent> events, long deliveredThrough) {}

    private final EventStore store;
    private final EngineMetrics metrics;
    private final int maxReplayEvents;
    private boolean newSession;

    /**
     * @param maxReplayEvents the most events one plan replays; a client that missed more is told of
     *     an overflow gap, found by reading one event past the bound, never all of them
     */
    RecoveryPlanner(EventStore store, EngineMetrics metrics, int maxReplayEvents) {
        this.store = store;
        this.metrics = metrics;
        this.maxReplayEvents = maxReplayEvents;
    }

    Plan plan(Admission admission) {
        // The epoch first: if a shared store renews it meanwhile, reads in this one find a gap.
        String epoch = store.epoch();
        String text = admission.cursorText();
        if (text == null) {
            long head = store.head();
            return new Plan(
                    new Recovery(false, false, null, 0, new Cursor(epoch, head), false),
                    List.of(),
                    head);
        }
        newSession = admission.newSession();
        if (newSession) {
            metrics.sessionReplaced();
        }
        metrics.reconnected();
        Optional<Cursor> parsed = Cursor.parse(text);
        if (parsed.isEmpty()) {
            return gap(epoch, GapReason.INVALID);
        }
        Cursor cursor = parsed.get();
        if (!cursor.epoch().equals(epoch)) {
            return gap(epoch, GapReason.UNKNOWN_EPOCH);
        }
        if (cursor.sequence() > store.head()) {
            return gap(epoch, GapReason.INVALID);
        }
        History history =
                store.readAfter(epoch, admission.streams(), cursor.sequence(), maxReplayEvents + 1);
        if (!history.complete() || history.events().size() > maxReplayEvents) {
            return gap(epoch, GapReason.OVERFLOW);
        }
        metrics.replayed(history.events().size());
        Recovery recovery =
                new Recovery(true, true, null, history.events().size(), cursor, newSession);
        return new Plan(recovery, history.events(), history.head());
    }

    private Plan gap(String epoch, GapReason reason) {
        metrics.recoveryFailed(reason);
        long head = store.head();
        return new Plan(
                new Recovery(true, false, reason, 0, new Cursor(epoch, head), newSession),
                List.of(),
                head);
    }
}
