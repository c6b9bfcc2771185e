package org.resumablesse.jakarta;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ThreadFactory;
import java.util.function.Consumer;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;
import org.resumablesse.redis.RedisEventStore;
import org.resumablesse.redis.RedisMetrics;
import org.resumablesse.redis.RedisSessionStore;
import org.resumablesse.redis.RedisSettings;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.SessionStore;

/**
 * Opens the Redis stores. The only class of the adapter that names them, and it is loaded only when
 * {@code resumable-sse.store=redis}: so on the memory store no Redis or Jedis class is loaded and
 * the application needs no Redis client. Stateless.
 */
final class RedisStoreFactory {

    /** How long one blocking read of the feed waits before it looks for a new epoch. */
    private static final Duration FEED_BLOCK = Duration.ofSeconds(1);

    /**
     * The opened stores, how far this node's feed follower is behind, and why Redis cannot serve
     * (empty when it can).
     */
    record Stores(
            EventStore events,
            SessionStore sessions,
            LongSupplier feedLag,
            Supplier<Optional<String>> problem) {}

    private RedisStoreFactory() {}

    /**
     * An engine on the Redis stores, reporting Redis's answers and the feed lag as metrics.
     *
     * @param problem receives the check of whether Redis can serve, for readiness
     */
    static SseEngine engine(
            Consumer<Supplier<Optional<String>>> problem,
            SettingsReader reader,
            EngineSettings settings,
            ThreadFactory threads,
            Executor fanOut,
            MetricRegistry registry) {
        Stores stores =
                open(
                        RedisSettingsReader.read(reader),
                        settings,
                        threads,
                        new RedisMetricsBridge(registry));
        RedisMetricsBridge.registerLag(registry, stores.feedLag());
        problem.accept(stores.problem());
        return new SseEngine(
                settings,
                stores.events(),
                stores.sessions(),
                Clock.systemUTC(),
                new SecureRandom(),
                fanOut,
                new MetricsBridge(registry));
    }

    /**
     * @throws IllegalStateException if Redis cannot be reached, or Jedis is not in the application
     */
    static Stores open(
            RedisSettings redis,
            EngineSettings settings,
            ThreadFactory threads,
            RedisMetrics metrics) {
        RedisEventStore events;
        try {
            events =
                    RedisEventStore.open(
                            redis,
                            settings.bufferSize(),
                            settings.maxStreams(),
                            new SecureRandom(),
                            metrics,
                            FEED_BLOCK,
                            threads);
        } catch (RuntimeException e) {
            throw new IllegalStateException(
                    "Resumable SSE could not reach Redis at " + redis + ": " + e.getMessage(), e);
        }
        try {
            // A node counts as gone when it has not renewed its lease for three expiry runs.
            Duration lease = settings.cleanupInterval().multipliedBy(3).plusSeconds(5);
            SessionStore sessions =
                    RedisSessionStore.open(redis, settings.maxSessions(), lease, metrics);
            return new Stores(events, sessions, events::feedLag, events::problem);
        } catch (RuntimeException e) {
            events.close();
            throw e;
        }
    }
}
