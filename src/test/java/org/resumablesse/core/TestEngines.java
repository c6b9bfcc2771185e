package org.resumablesse.core;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.resumablesse.spi.EventStore;

/** Engines for tests: started, with scheduled work pushed out of the way unless a test wants it. */
final class TestEngines {

    /** Runs each write on the publishing thread, so a test sees its effect at once. */
    static final Executor DIRECT = Runnable::run;

    /**
     * Holds the engine's periodic tasks; they are an hour apart, so tests call expire() and
     * heartbeat() themselves.
     */
    private static final ScheduledExecutorService FAR_SCHEDULER =
            Executors.newSingleThreadScheduledExecutor(
                    task -> {
                        Thread thread = new Thread(task, "test-far-scheduler");
                        thread.setDaemon(true);
                        return thread;
                    });

    private TestEngines() {}

    /** A scheduler whose tasks are an hour apart, for engines a test builds itself. */
    static ScheduledExecutorService farScheduler() {
        return FAR_SCHEDULER;
    }

    /** Settings with periodic work an hour apart and no retry jitter. */
    static EngineSettings.Builder settings() {
        return EngineSettings.builder()
                .cleanupInterval(Duration.ofHours(1))
                .heartbeatInterval(Duration.ofHours(1))
                .retryJitter(Duration.ZERO);
    }

    static SseEngine started(EngineSettings settings, Clock clock) {
        return started(
                settings,
                new InMemoryEventStore(settings.bufferSize(), new SecureRandom()),
                clock,
                DIRECT);
    }

    static SseEngine started(
            EngineSettings settings, EventStore store, Clock clock, Executor delivery) {
        return started(settings, store, clock, delivery, EngineMetrics.NONE);
    }

    static SseEngine started(
            EngineSettings settings,
            EventStore store,
            Clock clock,
            Executor delivery,
            EngineMetrics metrics) {
        SseEngine engine =
                new SseEngine(
                        settings,
                        store,
                        new InMemorySessionStore(settings.maxSessions()),
                        clock,
                        ticker(clock),
                        new SecureRandom(),
                        delivery,
                        metrics);
        engine.start(FAR_SCHEDULER);
        return engine;
    }

    /** The clock itself when it is a test's {@link MutableClock}, else the system's ticker. */
    static Ticker ticker(Clock clock) {
        return clock instanceof Ticker ticker ? ticker : Ticker.system();
    }

    /** A client that connects with these topics and no user, token or cursor. */
    static SseEngine.Opened connect(SseEngine engine, Transport transport, String... topics) {
        return engine.open(engine.admit(null, null, List.of(topics), null), transport);
    }
}
