package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class SessionExpiryTest {

    private static final Duration TTL = Duration.ofSeconds(30);

    private final MutableClock clock = new MutableClock(1_000_000);
    private final SseEngine engine =
            TestEngines.started(TestEngines.settings().bufferTtl(TTL).build(), clock);

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    @Test
    void removesASessionOnceDisconnectedForTheWholeTtl() {
        Client client = Client.connect(engine);
        client.disconnect();

        clock.advance(TTL.minusMillis(1));
        engine.expire();

        assertThat(engine.session(client.sessionId)).isPresent();

        clock.advance(Duration.ofMillis(1));
        engine.expire();

        assertThat(engine.session(client.sessionId)).isEmpty();
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void neverRemovesASessionWithAnOpenConnection() {
        Client client = Client.connect(engine);

        clock.advance(Duration.ofDays(3));
        engine.expire();

        assertThat(engine.session(client.sessionId))
                .hasValueSatisfying(s -> assertThat(s.connected()).isTrue());
    }

    @Test
    void startsTheTtlAgainWhenTheLastConnectionCloses() {
        Client client = Client.connect(engine);
        Client.Connected second = client.reconnect(engine);
        client.disconnect();
        clock.advance(TTL.multipliedBy(2));
        engine.expire();
        second.disconnect();

        clock.advance(TTL.minusMillis(1));
        engine.expire();

        assertThat(engine.session(client.sessionId)).isPresent();
    }

    @Test
    void doesNotAdoptTheTokenOfAnExpiredSessionNorReplayItsEventsToTheNewOne() {
        Client client = Client.connect(engine);
        engine.publish(ServerEvent.broadcast("news", "1"));
        client.disconnect();
        engine.publish(ServerEvent.toSession(client.sessionId, "private", "2"));
        clock.advance(TTL);
        engine.expire();

        Admission admission = engine.admit(client.token, client.lastEventId(), List.of(), null);
        RecordingTransport transport = new RecordingTransport();
        engine.open(admission, transport);

        assertThat(admission.newSession()).isTrue();
        assertThat(admission.token()).isNotEqualTo(client.token);
        assertThat(admission.session().id()).isNotEqualTo(client.sessionId);
        ConnectedEvent connected = ConnectedEvent.of(transport);
        assertThat(connected.reconnection()).isTrue();
        assertThat(connected.recovered()).isTrue();
        assertThat(connected.reason()).isNull();
        assertThat(ConnectedEvent.saysNewSession(transport)).isTrue();
        assertThat(connected.sessionId()).isEqualTo(admission.session().id());
        assertThat(transport.events()).as("the expired session's own event").isEmpty();
    }

    @Test
    void dropsTheOwnEventsOfAnExpiredSession() {
        Client client = Client.connect(engine);
        client.disconnect();
        engine.publish(ServerEvent.toSession(client.sessionId, "private", "1"));
        engine.publish(ServerEvent.toSession(client.sessionId, "private", "2"));
        assertThat(engine.stats().eventsRetained()).isEqualTo(2);

        clock.advance(TTL);
        engine.expire();

        assertThat(engine.stats().eventsRetained()).isZero();
    }

    @Test
    void removesTheIdleStreamOfASessionThatDoesNotExist() {
        String unknown = new SessionIds(new SecureRandom()).newSessionId();
        engine.publish(ServerEvent.toSession(unknown, "lost", "1"));
        engine.publish(ServerEvent.toSession(unknown, "lost", "2"));

        clock.advance(TTL.plusMillis(1));
        engine.expire();

        assertThat(engine.stats().eventsRetained()).isZero();
    }

    @Test
    void removesTheStreamASessionGetsAgainAfterItExpired() {
        Client client = Client.connect(engine);
        client.disconnect();
        clock.advance(TTL);
        engine.expire();
        engine.publish(ServerEvent.toSession(client.sessionId, "late", "1"));

        clock.advance(TTL.plusMillis(1));
        engine.expire();

        assertThat(engine.stats().eventsRetained()).isZero();
    }

    @Test
    void keepsTheIdleStreamOfALiveSessionSoItsEventsCanStillBeReplayed() {
        Client client = Client.connect(engine);
        Client.Connected stayed = client.reconnect(engine);
        String cursor = client.lastEventId();
        client.disconnect();
        engine.publish(ServerEvent.toSession(client.sessionId, "private", "for you"));
        clock.advance(TTL.minusSeconds(5));
        stayed.disconnect();
        clock.advance(TTL.minusSeconds(10));
        engine.expire();

        RecordingTransport back = new RecordingTransport();
        engine.open(engine.admit(client.token, cursor, List.of(), null), back);

        assertThat(ConnectedEvent.of(back).recovered()).isTrue();
        assertThat(back.events())
                .extracting(WhatwgEventStreamParser.Event::data)
                .containsExactly("for you");
    }

    @Test
    void removesIdleTopicsNobodyFollowsButKeepsFollowedOnesAndTheBroadcast() {
        Client.connect(engine, "kept");
        engine.publish(ServerEvent.broadcast("b", "1"));
        engine.publish(ServerEvent.toTopic("kept", "k", "2"));
        engine.publish(ServerEvent.toTopic("forgotten", "f", "3"));
        engine.publish(ServerEvent.toUser("nobody", "u", "4"));

        clock.advance(TTL.plusMillis(1));
        engine.expire();

        assertThat(engine.stats().eventsRetained()).isEqualTo(2);
    }

    @Test
    void theExpiryTaskRunsAgainAfterItFailed() {
        AtomicInteger attempts = new AtomicInteger();
        DelegatingEventStore failing =
                new DelegatingEventStore(new InMemoryEventStore(10, new SecureRandom())) {
                    @Override
                    public int removeIdleStreams(long idleBefore, Predicate<Audience> followed) {
                        attempts.incrementAndGet();
                        throw new IllegalStateException("store unreachable (test)");
                    }
                };
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        SseEngine scheduled =
                new SseEngine(
                        TestEngines.settings().cleanupInterval(Duration.ofMillis(5)).build(),
                        failing,
                        clock,
                        new SecureRandom(),
                        TestEngines.DIRECT,
                        EngineMetrics.NONE);
        try {
            scheduled.start(scheduler);

            Await.until("the expiry task ran three times", () -> attempts.get() >= 3);
        } finally {
            scheduled.close();
            scheduler.shutdownNow();
        }
    }

    @Test
    void aTransportThatThrowsIsClosedAndTheOthersKeepTheirHeartbeats() {
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        SseEngine beating =
                new SseEngine(
                        TestEngines.settings().heartbeatInterval(Duration.ofMillis(5)).build(),
                        new InMemoryEventStore(10, new SecureRandom()),
                        clock,
                        new SecureRandom(),
                        TestEngines.DIRECT,
                        EngineMetrics.NONE);
        try {
            beating.start(scheduler);
            SseEngine.Opened broken =
                    TestEngines.connect(
                            beating,
                            new RecordingTransport() {
                                @Override
                                public boolean isOpen() {
                                    throw new IllegalStateException("container bug (test)");
                                }
                            });
            RecordingTransport healthy = new RecordingTransport();
            TestEngines.connect(beating, healthy);

            Await.until(
                    "the healthy connection got three heartbeats",
                    () -> healthy.frames().stream().filter(EventFrame::isComment).count() >= 3);
            assertThat(broken.connection().isOpen()).isFalse();
        } finally {
            beating.close();
            scheduler.shutdownNow();
        }
    }
}
