package org.resumablesse.core;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;

/**
 * Fault scenario (e) of docs/reliability.md: the expiry task sweeps every 10 ms on a real scheduler
 * with a 200 ms TTL, on the real clock, while 200 clients each drop and come back after 0 to 150
 * ms, several times, on their own threads. A session whose client was admitted again within the TTL
 * of its drop must be resumed with its own missed event; once every client has left for good, every
 * session must be gone and its token resume nothing.
 *
 * <p>A reconnect that the loaded machine delayed past the TTL may legitimately find its session
 * expired: it is counted as late, not as lost, and the run fails if too few reconnects were in time
 * for the figure to mean anything.
 */
@Tag("fault")
class ExpiryDuringReconnectsFaultTest {

    private static final Duration TTL = Duration.ofMillis(200);
    private static final Duration SWEEP = Duration.ofMillis(10);
    private static final int CLIENTS = 200;
    private static final int ROUNDS = 5;
    private static final int MAX_AWAY_MILLIS = 150;
    private static final int MIN_IN_TIME = 100;
    private static final int ENOUGH_IN_TIME = 500;
    private static final int MAX_WAVES = 8;

    private final Clock clock = new MonotonicClock();
    private final ScheduledExecutorService sweeper = Executors.newScheduledThreadPool(1);
    private final ScheduledExecutorService clients = Executors.newScheduledThreadPool(8);
    private final SseEngine engine =
            new SseEngine(
                    TestEngines.settings()
                            .bufferTtl(TTL)
                            .cleanupInterval(SWEEP)
                            .bufferSize(100)
                            .build(),
                    new InMemoryEventStore(100, new SecureRandom()),
                    clock,
                    new SecureRandom(),
                    TestEngines.DIRECT,
                    EngineMetrics.NONE);
    private final AtomicInteger inTime = new AtomicInteger();
    private final AtomicInteger late = new AtomicInteger();
    private final Queue<String> lost = new ConcurrentLinkedQueue<>();
    private final Queue<String> errors = new ConcurrentLinkedQueue<>();
    private final Queue<Visitor> left = new ConcurrentLinkedQueue<>();
    private volatile CountDownLatch done;

    @AfterEach
    void stop() {
        clients.shutdownNow();
        engine.close();
        sweeper.shutdownNow();
    }

    @Test
    void sweepingEvery10MillisLosesNoLiveSessionAndRemovesEveryExpiredOne() throws Exception {
        engine.start(sweeper);
        long seed = Long.getLong("resumablesse.test.seed", System.nanoTime());
        Random random = new Random(seed);
        int waves = 0;
        int gone = 0;
        while (waves < MAX_WAVES && (waves == 0 || inTime.get() < ENOUGH_IN_TIME)) {
            waves++;
            gone += wave(random);
        }
        int reconnects = waves * CLIENTS * ROUNDS;
        System.out.printf(
                "FAULT-FIGURE (e) reconnects=%d in-time=%d late=%d lost=%d left=%d gone=%d"
                        + " sessions-after=%d (waves=%d ttl=%dms sweep=%dms seed=%d)%n",
                reconnects,
                inTime.get(),
                late.get(),
                lost.size(),
                waves * CLIENTS,
                gone,
                engine.sessionCount(),
                waves,
                TTL.toMillis(),
                SWEEP.toMillis(),
                seed);
        assertThat(lost).as("live sessions lost (seed %d)", seed).isEmpty();
        assertThat(inTime.get() + late.get()).isEqualTo(reconnects);
        // On a loaded machine many reconnects come too late to count; the figure needs some.
        assertThat(inTime.get())
                .as("reconnects within the TTL")
                .isGreaterThanOrEqualTo(MIN_IN_TIME);
        assertThat(gone).as("expired sessions gone").isEqualTo(waves * CLIENTS);
    }

    /**
     * Runs {@link #CLIENTS} visitors through their rounds until they leave, waits until every
     * session has expired, and checks that none of them can be resumed.
     *
     * @return how many of the sessions left behind are gone
     */
    private int wave(Random random) throws InterruptedException {
        done = new CountDownLatch(CLIENTS);
        left.clear();
        for (int i = 0; i < CLIENTS; i++) {
            long clientSeed = random.nextLong();
            clients.execute(guarded(() -> new Visitor(new Random(clientSeed)).arrive()));
        }
        assertThat(done.await(Await.scaled(Duration.ofSeconds(60)).toMillis(), MILLISECONDS))
                .as("every client finished its rounds")
                .isTrue();
        assertThat(errors).isEmpty();
        assertThat(left).hasSize(CLIENTS);
        Await.until("every left session expires", () -> engine.sessionCount() == 0);
        int gone = 0;
        for (Visitor visitor : left) {
            Admission again = engine.admit(visitor.token, visitor.cursor, List.of(), null);
            engine.cancel(again);
            if (engine.session(visitor.sessionId).isEmpty() && again.newSession()) {
                gone++;
            }
        }
        // The sessions just issued to check the tokens expire too, before the next wave.
        Await.until("the checks' sessions expire", () -> engine.sessionCount() == 0);
        return gone;
    }

    private Runnable guarded(Runnable step) {
        return () -> {
            try {
                step.run();
            } catch (RuntimeException | AssertionError e) {
                errors.add(e.toString());
                done.countDown();
            }
        };
    }

    /** One client: connects, then drops and comes back {@link #ROUNDS} times, then leaves. */
    private final class Visitor {
        final Random random;
        String token;
        String sessionId;
        String cursor;
        RecordingTransport transport;
        Connection connection;
        int round;

        Visitor(Random random) {
            this.random = random;
        }

        void arrive() {
            Admission admission = engine.admit(null, null, List.of(), null);
            token = admission.token();
            sessionId = admission.session().id();
            open(admission);
            Await.until("connected written", () -> !transport.parsed().lastEventId().isEmpty());
            away();
        }

        /** Drops the connection, misses one event of its session, and comes back later. */
        void away() {
            cursor = transport.parsed().lastEventId();
            long dropped = clock.millis();
            transport.disconnect();
            connection.close(CloseCause.CLIENT_GONE);
            if (round++ == ROUNDS) {
                left.add(this);
                done.countDown();
                return;
            }
            String missed = engine.publish(ServerEvent.toSession(sessionId, "missed", "r"));
            clients.schedule(
                    guarded(() -> back(dropped, missed)),
                    random.nextInt(MAX_AWAY_MILLIS + 1),
                    MILLISECONDS);
        }

        void back(long dropped, String missed) {
            Admission admission = engine.admit(token, cursor, List.of(), null);
            boolean withinTtl = clock.millis() - dropped < TTL.toMillis();
            (withinTtl ? inTime : late).incrementAndGet();
            open(admission);
            Await.until("connected written", () -> !transport.parsed().lastEventId().isEmpty());
            if (admission.newSession()) {
                if (withinTtl) {
                    lost.add(sessionId + " replaced in round " + round);
                }
                token = admission.token();
                sessionId = admission.session().id();
            } else {
                ConnectedEvent connected = ConnectedEvent.of(transport);
                boolean replayedMissed =
                        transport.parsed().events().stream()
                                .anyMatch(event -> event.lastEventId().equals(missed));
                if (!connected.recovered() || !replayedMissed) {
                    lost.add(sessionId + " resumed without its event: " + connected);
                }
            }
            away();
        }

        private void open(Admission admission) {
            transport = new RecordingTransport();
            connection = engine.open(admission, transport).connection();
        }
    }

    /** The real passage of time, from {@link System#nanoTime()}, so no clock step can interfere. */
    private static final class MonotonicClock extends Clock {
        private final long originNanos = System.nanoTime();

        @Override
        public long millis() {
            // Far from zero, as a wall clock is.
            return 1_000_000 + TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - originNanos);
        }

        @Override
        public Instant instant() {
            return Instant.ofEpochMilli(millis());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }
}
