package org.resumablesse.jakarta;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.resumablesse.core.CloseCause;
import org.resumablesse.core.EngineMetrics;
import org.resumablesse.core.EngineStats;
import org.resumablesse.core.GapReason;
import org.resumablesse.core.SseEngine;

/**
 * Records the engine's events as MicroProfile Metrics in the application registry. Every metric
 * name is a constant here and is documented in {@code docs/reference/metrics.md}. Thread-safe: the
 * counters are.
 */
final class MetricsBridge implements EngineMetrics {

    static final String PREFIX = "resumablesse_";
    static final String CONNECTIONS_OPEN = PREFIX + "connections_open";
    static final String SESSIONS_CONNECTED = PREFIX + "sessions_connected";
    static final String SESSIONS_DISCONNECTED = PREFIX + "sessions_disconnected";
    static final String EVENTS_RETAINED = PREFIX + "events_retained";
    static final String BYTES_RETAINED = PREFIX + "bytes_retained";
    static final String EVENTS_PUBLISHED = PREFIX + "events_published";
    static final String EVENTS_DELIVERED = PREFIX + "events_delivered";
    static final String EVENTS_REPLAYED = PREFIX + "events_replayed";
    static final String RECONNECTIONS = PREFIX + "reconnections";
    static final String RECOVERIES_FAILED = PREFIX + "recoveries_failed";
    static final String SESSIONS_REPLACED = PREFIX + "sessions_replaced";
    static final String CONNECTIONS_CLOSED = PREFIX + "connections_closed";
    // Registered by RejectedAfterCommit, which CdiEventBridge owns.
    static final String REJECTED_AFTER_COMMIT = PREFIX + "events_rejected_after_commit";
    // Only with resumable-sse.store=redis (RedisMetricsBridge).
    static final String STORE_ERRORS = PREFIX + "store_errors";
    static final String REDIS_ROUND_TRIP = PREFIX + "redis_round_trip";
    static final String FEED_LAG = PREFIX + "feed_lag";

    private final Counter published;
    private final Counter delivered;
    private final Counter replayed;
    private final Counter reconnections;
    private final Counter sessionsReplaced;
    private final Map<GapReason, Counter> failed = new EnumMap<>(GapReason.class);
    private final Map<CloseCause, Counter> closed = new EnumMap<>(CloseCause.class);

    MetricsBridge(MetricRegistry registry) {
        published = registry.counter(meta(EVENTS_PUBLISHED, "Events stored for delivery"));
        delivered =
                registry.counter(
                        meta(EVENTS_DELIVERED, "Events written to a connection, live or replayed"));
        replayed =
                registry.counter(
                        meta(EVENTS_REPLAYED, "Missed events sent to reconnecting clients"));
        reconnections =
                registry.counter(meta(RECONNECTIONS, "Connections that came with a cursor"));
        sessionsReplaced =
                registry.counter(
                        meta(
                                SESSIONS_REPLACED,
                                "Reconnections with a cursor that got a new session"));
        for (GapReason reason : GapReason.values()) {
            failed.put(
                    reason,
                    registry.counter(
                            meta(
                                    RECOVERIES_FAILED,
                                    "Reconnections told they could not be recovered, by reason"),
                            new Tag("reason", reason.wireName())));
        }
        for (CloseCause cause : CloseCause.values()) {
            closed.put(
                    cause,
                    registry.counter(
                            meta(CONNECTIONS_CLOSED, "Connections closed or found gone, by cause"),
                            new Tag("cause", cause.wireName())));
        }
    }

    /** Registers the gauges that read the engine's state when scraped. */
    static void registerGauges(MetricRegistry registry, SseEngine engine) {
        gauge(
                registry,
                meta(CONNECTIONS_OPEN, "Open streams"),
                engine,
                EngineStats::openConnections);
        gauge(
                registry,
                meta(SESSIONS_CONNECTED, "Sessions with an open stream"),
                engine,
                EngineStats::sessionsConnected);
        gauge(
                registry,
                meta(SESSIONS_DISCONNECTED, "Sessions waiting for their client to come back"),
                engine,
                EngineStats::sessionsDisconnected);
        gauge(
                registry,
                meta(EVENTS_RETAINED, "Events kept in history"),
                engine,
                EngineStats::eventsRetained);
        gauge(
                registry,
                meta(BYTES_RETAINED, "Bytes of event names and data kept in history"),
                engine,
                EngineStats::bytesRetained);
    }

    /** Removes the gauges, which hold the engine, at undeploy. */
    static void removeGauges(MetricRegistry registry) {
        for (String name :
                new String[] {
                    CONNECTIONS_OPEN,
                    SESSIONS_CONNECTED,
                    SESSIONS_DISCONNECTED,
                    EVENTS_RETAINED,
                    BYTES_RETAINED
                }) {
            registry.remove(name);
        }
    }

    private static void gauge(
            MetricRegistry registry,
            Metadata metadata,
            SseEngine engine,
            ToLongFunction<EngineStats> value) {
        registry.gauge(metadata, engine, e -> value.applyAsLong(e.stats()));
    }

    private static Metadata meta(String name, String description) {
        return Metadata.builder().withName(name).withDescription(description).build();
    }

    @Override
    public void published() {
        published.inc();
    }

    @Override
    public void delivered(int count) {
        delivered.inc(count);
    }

    @Override
    public void replayed(int count) {
        replayed.inc(count);
    }

    @Override
    public void reconnected() {
        reconnections.inc();
    }

    @Override
    public void sessionReplaced() {
        sessionsReplaced.inc();
    }

    @Override
    public void recoveryFailed(GapReason reason) {
        failed.get(reason).inc();
    }

    @Override
    public void connectionClosed(CloseCause cause) {
        closed.get(cause).inc();
    }
}
