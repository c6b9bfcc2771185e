package org.resumablesse.jakarta;

import java.util.EnumMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.eclipse.microprofile.metrics.Counter;
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
    static final String CONNECTIONS_CLOSED = PREFIX + "connections_closed";

    private final Counter published;
    private final Counter delivered;
    private final Counter replayed;
    private final Counter reconnections;
    private final Map<GapReason, Counter> failed = new EnumMap<>(GapReason.class);
    private final Map<CloseCause, Counter> closed = new EnumMap<>(CloseCause.class);

    MetricsBridge(MetricRegistry registry) {
        published = registry.counter(EVENTS_PUBLISHED);
        delivered = registry.counter(EVENTS_DELIVERED);
        replayed = registry.counter(EVENTS_REPLAYED);
        reconnections = registry.counter(RECONNECTIONS);
        for (GapReason reason : GapReason.values()) {
            failed.put(
                    reason,
                    registry.counter(RECOVERIES_FAILED, new Tag("reason", reason.wireName())));
        }
        for (CloseCause cause : CloseCause.values()) {
            closed.put(
                    cause,
                    registry.counter(CONNECTIONS_CLOSED, new Tag("cause", cause.wireName())));
        }
    }

    /** Registers the gauges that read the engine's state when scraped. */
    static void registerGauges(MetricRegistry registry, SseEngine engine) {
        gauge(registry, CONNECTIONS_OPEN, engine, EngineStats::openConnections);
        gauge(registry, SESSIONS_CONNECTED, engine, EngineStats::sessionsConnected);
        gauge(registry, SESSIONS_DISCONNECTED, engine, EngineStats::sessionsDisconnected);
        gauge(registry, EVENTS_RETAINED, engine, EngineStats::eventsRetained);
        gauge(registry, BYTES_RETAINED, engine, EngineStats::bytesRetained);
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
            String name,
            SseEngine engine,
            ToLongFunction<EngineStats> value) {
        registry.gauge(name, engine, e -> value.applyAsLong(e.stats()));
    }

    @Override
    public void published() {
        published.inc();
    }

    @Override
    public void delivered() {
        delivered.inc();
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
    public void recoveryFailed(GapReason reason) {
        failed.get(reason).inc();
    }

    @Override
    public void connectionClosed(CloseCause cause) {
        closed.get(cause).inc();
    }
}
