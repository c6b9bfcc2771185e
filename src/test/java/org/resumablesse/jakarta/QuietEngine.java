package org.resumablesse.jakarta;

import java.time.Clock;
import java.time.Duration;
import org.resumablesse.core.EngineMetrics;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;

/** An in-memory engine for admission tests: periodic work an hour apart, delivery inline. */
public final class QuietEngine {

    private QuietEngine() {}

    /** A new engine, not started, with these settings plus hour-long periodic intervals. */
    public static SseEngine create(EngineSettings.Builder settings) {
        return SseEngine.inMemory(
                settings.cleanupInterval(Duration.ofHours(1))
                        .heartbeatInterval(Duration.ofHours(1))
                        .build(),
                Clock.systemUTC(),
                Runnable::run,
                EngineMetrics.NONE);
    }
}
