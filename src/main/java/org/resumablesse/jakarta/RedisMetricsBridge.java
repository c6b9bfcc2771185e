package org.resumablesse.jakarta;

import java.time.Duration;
import java.util.function.LongSupplier;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.MetricUnits;
import org.eclipse.microprofile.metrics.Timer;
import org.resumablesse.redis.RedisMetrics;

/**
 * Records how Redis answers as MicroProfile Metrics in the application registry; the names are
 * constants in {@link MetricsBridge}. Made only with {@code resumable-sse.store=redis}.
 * Thread-safe: the counter and timer are.
 */
final class RedisMetricsBridge implements RedisMetrics {

    private final Counter errors;
    private final Timer roundTrips;

    RedisMetricsBridge(MetricRegistry registry) {
        errors =
                registry.counter(
                        Metadata.builder()
                                .withName(MetricsBridge.STORE_ERRORS)
                                .withDescription("Redis commands that failed or timed out")
                                .build());
        roundTrips =
                registry.timer(
                        Metadata.builder()
                                .withName(MetricsBridge.REDIS_ROUND_TRIP)
                                .withDescription("Time for one Redis command or script, answered")
                                .withUnit(MetricUnits.SECONDS)
                                .build());
    }

    /** Registers the gauge of this node's lag behind the global feed. */
    static void registerLag(MetricRegistry registry, LongSupplier lag) {
        registry.gauge(
                Metadata.builder()
                        .withName(MetricsBridge.FEED_LAG)
                        .withDescription("Events this node has not yet read from the global feed")
                        .build(),
                lag,
                LongSupplier::getAsLong);
    }

    static void removeLag(MetricRegistry registry) {
        registry.remove(MetricsBridge.FEED_LAG);
    }

    @Override
    public void roundTrip(long nanos) {
        roundTrips.update(Duration.ofNanos(nanos));
    }

    @Override
    public void storeError() {
        errors.inc();
    }
}
