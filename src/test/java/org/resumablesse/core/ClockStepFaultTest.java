package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumablesse.ServerEvent;

/**
 * Fault scenario (g): the wall clock steps an hour forward or back while events are delivered. The
 * engine measures elapsed time on its monotonic ticker, which goes on at its own pace, so no
 * healthy connection is closed, the stuck one is closed by {@code write-timeout} on time, and an
 * idle session expires {@code buffer-ttl} after its last connection, neither early nor never.
 */
@Tag("fault")
class ClockStepFaultTest {

    private static final Duration WRITE_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration TTL = Duration.ofSeconds(30);
    private static final int HEALTHY = 4;
    private static final int SECONDS = 60;
    private static final int STEP_AT = 5;

    private final MutableClock wall = new MutableClock(1_700_000_000_000L);
    private final MutableClock ticker = new MutableClock(42_000);

    @ParameterizedTest(name = "wall clock steps {0} s")
    @ValueSource(longs = {3600, -3600})
    void aWallClockStepClosesNoHealthyConnectionAndKeepsNoStuckOne(long stepSeconds) {
        SseEngine engine = engine(ticker);
        try {
            Outcome outcome = deliverThroughStep(engine, stepSeconds);
            System.out.println(
                    "FAULT-FIGURE (g) step="
                            + stepSeconds
                            + "s healthyClosed="
                            + outcome.healthyClosed
                            + " stuckClosedAfter="
                            + outcome.stuckClosedAfter
                            + "s idleSessionExpiredAfter="
                            + outcome.sessionExpiredAfter
                            + "s writeTimeout="
                            + WRITE_TIMEOUT.toSeconds()
                            + "s bufferTtl="
                            + TTL.toSeconds()
                            + "s");
            assertThat(outcome.healthyClosed).as("healthy connections closed").isZero();
            assertThat(outcome.stuckClosedAfter)
                    .as("seconds until the stuck write was closed")
                    .isEqualTo(WRITE_TIMEOUT.toSeconds() + 1);
            assertThat(outcome.sessionExpiredAfter)
                    .as("seconds from the idle session's last connection to its expiry")
                    .isEqualTo(TTL.toSeconds());
        } finally {
            engine.close();
        }
    }

    /** What one run saw; -1 for what never happened within the run. */
    private record Outcome(int healthyClosed, long stuckClosedAfter, long sessionExpiredAfter) {}

    /**
     * One simulated minute, a second at a time: an event is published, each healthy client's write
     * is still in flight while the engine's periodic work runs, then completes. The wall clock
     * steps at {@value #STEP_AT} s; the ticker does not.
     */
    private Outcome deliverThroughStep(SseEngine engine, long stepSeconds) {
        List<RecordingTransport> healthy = new ArrayList<>();
        List<SseEngine.Opened> healthyOpened = new ArrayList<>();
        for (int i = 0; i < HEALTHY; i++) {
            RecordingTransport transport = new RecordingTransport().stall();
            healthy.add(transport);
            healthyOpened.add(TestEngines.connect(engine, transport, "prices"));
        }
        RecordingTransport stuck = new RecordingTransport().stall();
        SseEngine.Opened stuckOpened = TestEngines.connect(engine, stuck, "prices");
        SseEngine.Opened idle = TestEngines.connect(engine, new RecordingTransport(), "prices");
        String idleSession = idle.connection().session().id();
        idle.connection().clientGone();

        long stuckClosedAfter = -1;
        long sessionExpiredAfter = -1;
        for (int second = 1; second <= SECONDS; second++) {
            engine.publish(ServerEvent.toTopic("prices", "tick", "t" + second));
            ticker.advance(Duration.ofSeconds(1));
            wall.advance(Duration.ofSeconds(second == STEP_AT ? 1 + stepSeconds : 1));
            engine.watchdog();
            engine.heartbeat();
            engine.expire();
            if (stuckClosedAfter < 0 && !stuckOpened.connection().isOpen()) {
                stuckClosedAfter = second;
            }
            if (sessionExpiredAfter < 0 && engine.session(idleSession).isEmpty()) {
                sessionExpiredAfter = second;
            }
            for (RecordingTransport transport : healthy) {
                transport.resume();
                transport.stall();
            }
        }
        int healthyClosed =
                (int) healthyOpened.stream().filter(o -> !o.connection().isOpen()).count();
        return new Outcome(healthyClosed, stuckClosedAfter, sessionExpiredAfter);
    }

    private SseEngine engine(Ticker elapsed) {
        EngineSettings settings =
                TestEngines.settings().writeTimeout(WRITE_TIMEOUT).bufferTtl(TTL).build();
        SseEngine engine =
                new SseEngine(
                        settings,
                        new InMemoryEventStore(100, new SecureRandom()),
                        new InMemorySessionStore(settings.maxSessions()),
                        wall,
                        elapsed,
                        new SecureRandom(),
                        TestEngines.DIRECT,
                        EngineMetrics.NONE);
        engine.start(TestEngines.farScheduler());
        return engine;
    }
}
