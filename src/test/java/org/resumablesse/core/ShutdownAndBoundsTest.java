package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
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
     * The window is widened deterministically: Connection's constructor copies the stream set, and
     * the set closes the engine while it is copied.
     */
    @Test
    void aConnectionOpenedWhileTheEngineClosesIsClosedToo() {
        MutableClock clock = new MutableClock(0);
        SseEngine engine = TestEngines.started(TestEngines.settings().build(), clock);
        Admission real = engine.admit(null, null, List.of(), null);
        AtomicBoolean fired = new AtomicBoolean();
        Set<Audience> streams =
                new LinkedHashSet<>(real.streams()) {
                    @Override
                    public Iterator<Audience> iterator() {
                        if (fired.compareAndSet(false, true)) {
                            engine.close(); // undeploy runs now, between the check and add()
                        }
                        return super.iterator();
                    }
                };
        Admission racing =
                new Admission(real.session(), real.token(), real.newSession(), streams, null);
        RecordingTransport transport = new RecordingTransport();

        SseEngine.Opened opened = null;
        try {
            opened = engine.open(racing, transport);
        } catch (ConnectionRefusedException expected) {
            // Refusing is a correct outcome too.
        }

        assertThat(fired).isTrue();
        if (opened != null) {
            assertThat(opened.connection().isOpen())
                    .as("connection opened across close() must be closed by the engine")
                    .isFalse();
            assertThat(transport.closeCount())
                    .as("its transport (the async request) must be closed")
                    .isEqualTo(1);
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
        MutableClock clock = new MutableClock(0);
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
