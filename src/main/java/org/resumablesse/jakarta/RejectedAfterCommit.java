package org.resumablesse.jakarta;

import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;

/**
 * Records an event refused after the transaction that fired it committed: nobody can be told by an
 * exception any more, so it is logged (WARNING, without the event's data) and counted by reason in
 * {@value MetricsBridge#REJECTED_AFTER_COMMIT}. Thread-safe: the counters are.
 */
final class RejectedAfterCommit {

    private static final Logger LOG = Logger.getLogger(RejectedAfterCommit.class.getName());

    /** The label value of failures that are not an {@link EventRejectedException}. */
    static final String OTHER = "other";

    private final Map<EventRejectedException.Reason, Counter> byReason =
            new EnumMap<>(EventRejectedException.Reason.class);
    private final Counter other;

    RejectedAfterCommit(MetricRegistry registry) {
        Metadata metadata =
                Metadata.builder()
                        .withName(MetricsBridge.REJECTED_AFTER_COMMIT)
                        .withDescription(
                                "Events fired in a transaction that committed, then refused")
                        .build();
        for (EventRejectedException.Reason reason : EventRejectedException.Reason.values()) {
            byReason.put(reason, registry.counter(metadata, new Tag("reason", label(reason))));
        }
        other = registry.counter(metadata, new Tag("reason", OTHER));
    }

    /** The {@code reason} label of a refusal: its name in lower case, with hyphens. */
    static String label(EventRejectedException.Reason reason) {
        return reason.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void record(ServerEvent event, RuntimeException failure) {
        event.markRejected(failure);
        if (failure instanceof EventRejectedException rejected) {
            byReason.get(rejected.reason()).inc();
        } else {
            other.inc();
        }
        LOG.log(
                Level.WARNING,
                "Resumable SSE refused "
                        + event
                        + " after the transaction that fired it committed: "
                        + failure.getMessage());
    }
}
