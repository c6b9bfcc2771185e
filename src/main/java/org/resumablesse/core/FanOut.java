package org.resumablesse.core;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.StoredEvent;

/**
 * Hands appended events to the connections that follow their streams, off the publisher's path: the
 * store's listener only queues the event and, if no pass is running, starts one on the delivery
 * executor. A pass wakes every follower of every queued event, then lets each woken connection
 * write all it has in one go, so a burst of events costs a connection one write, not one per event.
 * At most one pass runs at a time; one task is submitted per pass, never one per connection or per
 * event.
 *
 * <p>Thread-safe.
 */
final class FanOut implements EventStore.AppendListener {

    private static final System.Logger LOG = System.getLogger(FanOut.class.getName());

    private final Subscriptions subscriptions;
    private final Executor executor;
    private final ConcurrentLinkedQueue<StoredEvent> appended = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final AtomicBoolean wakeAll = new AtomicBoolean();
    // Used only by the one running pass.
    private final List<Connection> woken = new ArrayList<>();

    FanOut(Subscriptions subscriptions, Executor executor) {
        this.subscriptions = subscriptions;
        this.executor = executor;
    }

    @Override
    public void appended(StoredEvent event) {
        appended.add(event);
        schedule();
    }

    private void schedule() {
        if (scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this::pass);
            } catch (RejectedExecutionException e) {
                // Stopping: the connections are being closed; they recover from history.
                scheduled.set(false);
                LOG.log(System.Logger.Level.DEBUG, "Resumable SSE delivery refused", e);
            }
        }
    }

    /** Wakes every connection in the next pass: each reads the store after its position. */
    @Override
    public void missed() {
        wakeAll.set(true);
        schedule();
    }

    private void pass() {
        do {
            if (wakeAll.getAndSet(false)) {
                for (Connection connection : subscriptions.all()) {
                    if (connection.wake()) {
                        woken.add(connection);
                    }
                }
            }
            StoredEvent event;
            while ((event = appended.poll()) != null) {
                for (Connection connection : subscriptions.followers(event.stream())) {
                    if (connection.wake()) {
                        woken.add(connection);
                    }
                }
            }
            for (Connection connection : woken) {
                connection.pump();
            }
            woken.clear();
            scheduled.set(false);
        } while ((!appended.isEmpty() || wakeAll.get()) && scheduled.compareAndSet(false, true));
    }
}
