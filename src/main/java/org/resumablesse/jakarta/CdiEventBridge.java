package org.resumablesse.jakarta;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.CancellationException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.resumablesse.ServerEvent;

/**
 * Publishes every {@link ServerEvent} the application fires.
 *
 * <p>{@code fire} inside a JTA transaction: the event is published after the transaction commits
 * and never if it rolls back; its receipt then completes with a {@link CancellationException}. A
 * refusal after the commit cannot fail it any more: it is logged and counted in {@code
 * resumablesse_events_rejected_after_commit_total} (see {@link RejectedAfterCommit}).
 *
 * <p>{@code fire} outside a transaction: published at once; a refused event completes its receipt
 * exceptionally and the {@link org.resumablesse.EventRejectedException} reaches the caller of
 * {@code fire}. {@code fireAsync}: published at once on the container's thread, in a transaction or
 * not (CDI has no transactional asynchronous observers); a refusal completes the stage
 * exceptionally. Thread-safe.
 */
@ApplicationScoped
public class CdiEventBridge {

    @Inject SseSessionManager manager;

    @Inject MetricRegistry metrics;

    private TransactionState transactions;
    private RejectedAfterCommit rejectedAfterCommit;

    /**
     * Events fired while a transaction was active, whose transactional observers CDI has deferred
     * to its completion. Weak, so an event whose completion never comes is not held.
     */
    private final Map<ServerEvent, Boolean> deferred =
            Collections.synchronizedMap(new WeakHashMap<>());

    @PostConstruct
    void lookUp() {
        transactions = TransactionState.lookUp();
        rejectedAfterCommit = new RejectedAfterCommit(metrics);
    }

    /**
     * Creates the bridge at deployment, on a thread that can look the registry up, and registers
     * its counters from the start.
     */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        // Calling an observer of the bean is what creates it.
    }

    /**
     * Runs in {@code fire}, before the transactional observers: notes whether they will run later.
     * The transaction's state cannot be asked after its commit, where Payara already reports none.
     */
    void onFired(@Observes ServerEvent event) {
        if (transactions.active()) {
            deferred.put(event, Boolean.TRUE);
        }
    }

    /**
     * Runs after a commit, or at once in {@code fire} when no transaction is active. First among
     * the transactional observers, so that outside a transaction the receipt is complete before
     * {@link #onRollback} runs.
     */
    void onEvent(
            @Observes(during = TransactionPhase.AFTER_SUCCESS)
                    @Priority(Interceptor.Priority.LIBRARY_BEFORE)
                    ServerEvent event) {
        boolean afterCommit = deferred.remove(event) != null;
        try {
            manager.publish(event);
        } catch (RuntimeException e) {
            if (!afterCommit) {
                throw e;
            }
            rejectedAfterCommit.record(event, e);
        }
    }

    /**
     * Runs after a rollback. Outside a transaction CDI calls it at once too, after {@link #onEvent}
     * has completed the receipt, so there it changes nothing.
     */
    void onRollback(
            @Observes(during = TransactionPhase.AFTER_FAILURE)
                    @Priority(Interceptor.Priority.PLATFORM_AFTER)
                    ServerEvent event) {
        deferred.remove(event);
        event.markRejected(
                new CancellationException(
                        "the transaction that fired the event rolled back; it was not published"));
    }

    void onAsyncEvent(@ObservesAsync ServerEvent event) {
        manager.publish(event);
    }
}
