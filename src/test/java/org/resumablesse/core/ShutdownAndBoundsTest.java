package org.resumablesse.core;

import static java.util.concurrent.TimeUnit.MILLISECONDS;
import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.ServerEvent;

/**
 * Edges found in review: undeploy racing a new connection, the live backlog bound after a long
 * replay, a write that never returns, and the secret in a session record's string form.
 */
class ShutdownAndBoundsTest {

    /**
     * Finding: open() checks {@code running} before registering the connection, close() sets
     * running=false and then walks the registered connections. A connection registered after that
     * walk is never closed: its async request stays open after the engine (and store) are closed.
     *
     * <p>The race is staged with latches, no sleep: the opening thread stops inside the window
     * (Connection's constructor copies the stream set, after the check and before the
     * registration), another thread runs close() to its end, then the opening thread goes on. Both
     * outcomes are fine, refusing or returning a connection, but either way the engine must be left
     * with no connection and the client's request closed, once.
     */
    @Test
    void aConnectionOpenedWhileTheEngineClosesIsClosedToo() throws Exception {
        SseEngine engine = TestEngines.started(TestEngines.settings().build(), new MutableClock(0));
        Admission real = engine.admit(null, null, List.of(), null);
        CountDownLatch inWindow = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        AtomicInteger registeredDuringClose = new AtomicInteger(-1);
        Set<Audience> streams =
                new LinkedHashSet<>(real.streams()) {
                    @Override
                    public Iterator<Audience> iterator() {
                        if (inWindow.getCount() > 0) {
                            inWindow.countDown();
                            Await.await("close() to finish", closed);
                        }
                        return super.iterator();
                    }
                };
        Admission racing =
                new Admission(real.session(), real.token(), real.newSession(), streams, null);
        RecordingTransport transport = new RecordingTransport();
        ExecutorService opener = Executors.newSingleThreadExecutor();
        try {
            Future<SseEngine.Opened> opening = opener.submit(() -> engine.open(racing, transport));

            Await.await("open() to reach the window", inWindow);
            engine.close();
            registeredDuringClose.set(engine.stats().openConnections());
            closed.countDown();
            SseEngine.Opened opened = outcome(opening);

            assertThat(registeredDuringClose)
                    .as("close() ran while open() was between its check and the registration")
                    .hasValue(0);
            if (opened != null) {
                assertThat(opened.connection().isOpen())
                        .as("connection opened across close() must be closed by the engine")
                        .isFalse();
            }
            assertThat(engine.stats().openConnections())
                    .as("no connection left registered after close()")
                    .isZero();
            assertThat(transport.isOpen()).as("the async request is not left open").isFalse();
            assertThat(transport.closeCount()).as("and it is closed once").isEqualTo(1);
        } finally {
            closed.countDown();
            opener.shutdownNow();
        }
    }

    /** The connection open() returned, or null if it refused because the engine had stopped. */
    private static SseEngine.Opened outcome(Future<SseEngine.Opened> opening) throws Exception {
        try {
            return opening.get(Await.scaled(Await.DEFAULT).toMillis(), MILLISECONDS);
        } catch (ExecutionException e) {
            assertThat(e.getCause()).isInstanceOf(ConnectionRefusedException.class);
            return null;
        }
    }

    /**
     * A client that stalls right after a long replay is not closed for the backlog (it costs one
     * write), only once history no longer holds what it missed; then it is told {@code overflow}
     * when it comes back.
     */
    @Test
    void aClientStalledAfterItsReplayIsCutOnlyWhenHistoryLosesWhatItMissed() {
        MutableClock clock = new MutableClock(0);
        RecordingMetrics metrics = new RecordingMetrics();
        SseEngine engine =
                TestEngines.started(
                        TestEngines.settings().build(),
                        new InMemoryEventStore(20, new SecureRandom()),
                        clock,
                        TestEngines.DIRECT,
                        metrics);
        try {
            Client client = Client.connect(engine);
            client.disconnect();
            for (int i = 0; i < 15; i++) {
                engine.publish(ServerEvent.broadcast("tick", "missed-" + i));
            }
            Client.Connected back = client.reconnect(engine);
            assertThat(back.transport.events()).hasSize(15);

            back.transport.stall();
            for (int i = 0; i < 15; i++) {
                engine.publish(ServerEvent.broadcast("tick", "live-" + i));
            }
            assertThat(back.opened.connection().isOpen()).as("5 behind: history holds it").isTrue();
            for (int i = 15; i < 30; i++) {
                engine.publish(ServerEvent.broadcast("tick", "live-" + i));
            }
            assertThat(back.opened.connection().isOpen()).as("it holds one write").isTrue();

            back.transport.resume();

            assertThat(back.opened.connection().isOpen()).isFalse();
            assertThat(metrics.closed).contains(CloseCause.TOO_SLOW);
            Client.Connected again = client.reconnect(engine);
            assertThat(again.opened.recovery().reason()).isEqualTo(GapReason.OVERFLOW);
        } finally {
            engine.close();
        }
    }

    @Test
    void
            theWatchdogClosesAStalledWriteAsSoonAsItPassesTheWriteTimeoutWithoutWaitingForAHeartbeat() {
        MutableClock clock = new MutableClock(0);
        SseEngine engine =
                TestEngines.started(
                        TestEngines.settings()
                                .writeTimeout(java.time.Duration.ofSeconds(3))
                                .build(),
                        new InMemoryEventStore(10, new SecureRandom()),
                        clock,
                        TestEngines.DIRECT);
        try {
            RecordingTransport stalled = new RecordingTransport().stall();
            RecordingTransport idle = new RecordingTransport();
            SseEngine.Opened opened = TestEngines.connect(engine, stalled);
            TestEngines.connect(engine, idle);

            clock.advance(java.time.Duration.ofMillis(3001));
            engine.watchdog();

            assertThat(opened.connection().isOpen()).isFalse();
            assertThat(stalled.closeCount()).isEqualTo(1);
            assertThat(idle.closeCount()).isZero();
            assertThat(idle.parsed().comments()).as("no heartbeat from the watchdog").isZero();
        } finally {
            engine.close();
        }
    }

    /** Finding: the Issued record's generated toString prints the secret token. */
    @Test
    void issuedSessionToStringDoesNotPrintTheToken() {
        SessionRegistry registry =
                new SessionRegistry(
                        new SessionIds(new SecureRandom()), new InMemorySessionStore(10));
        SessionRegistry.Issued issued = registry.issue(0).orElseThrow();

        assertThat(issued.toString()).doesNotContain(issued.token());
    }

    @Test
    void aWriteThatMakesNoProgressClosesItsConnectionAtTheFirstHeartbeatPastTheWriteTimeout() {
        // A clock far from zero: the watchdog must measure the time since the write began.
        MutableClock clock = new MutableClock(1_700_000_000_000L);
        EngineSettings settings =
                TestEngines.settings().writeTimeout(java.time.Duration.ofSeconds(10)).build();
        SseEngine engine =
                TestEngines.started(
                        settings,
                        new InMemoryEventStore(10, new SecureRandom()),
                        clock,
                        TestEngines.DIRECT);
        try {
            RecordingTransport stalled = new RecordingTransport().stall();
            SseEngine.Opened opened = TestEngines.connect(engine, stalled);
            assertThat(stalled.writesStarted()).isEqualTo(1);

            clock.advance(java.time.Duration.ofSeconds(10));
            engine.heartbeat();
            assertThat(opened.connection().isOpen()).as("at the limit, not yet").isTrue();

            clock.advance(java.time.Duration.ofMillis(1));
            engine.heartbeat();
            assertThat(opened.connection().isOpen()).isFalse();
            assertThat(stalled.closeCount()).isEqualTo(1);
        } finally {
            engine.close();
        }
    }
}
