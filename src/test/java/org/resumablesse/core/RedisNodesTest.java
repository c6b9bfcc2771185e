package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.UnaryOperator;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;
import org.resumablesse.redis.RedisEventStore;
import org.resumablesse.redis.RedisMetrics;
import org.resumablesse.redis.RedisServer;
import org.resumablesse.redis.RedisSessionStore;
import org.resumablesse.redis.RedisSettings;
import org.resumablesse.spi.SessionStore;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * Two engines ("nodes") on one Redis: events cross nodes, sessions and cursors move between them.
 */
class RedisNodesTest {

    private final MutableClock clock = new MutableClock(1_000);
    private final String prefix = "nodes-" + UUID.randomUUID() + ":";
    private final List<SseEngine> nodes = new ArrayList<>();
    private RedisServer server;
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    @BeforeEach
    void startRedis() {
        server = RedisServer.start();
    }

    @AfterEach
    void stop() {
        nodes.forEach(SseEngine::close);
        scheduler.shutdownNow();
        server.close();
    }

    private SseEngine node() {
        return node(UnaryOperator.identity());
    }

    /** A node whose session store is the Redis one, wrapped as the test asks. */
    private SseEngine node(UnaryOperator<SessionStore> sessions) {
        RedisSettings redis =
                new RedisSettings(
                        java.net.URI.create(server.url()),
                        null,
                        null,
                        Duration.ofSeconds(2),
                        Duration.ofMillis(300),
                        4,
                        prefix);
        EngineSettings settings = TestEngines.settings().build();
        SseEngine engine =
                new SseEngine(
                        settings,
                        RedisEventStore.open(
                                redis,
                                settings.bufferSize(),
                                settings.maxStreams(),
                                new SecureRandom(),
                                RedisMetrics.NONE,
                                Duration.ofMillis(200),
                                Thread::new),
                        sessions.apply(
                                RedisSessionStore.open(
                                        redis,
                                        settings.maxSessions(),
                                        Duration.ofMinutes(1),
                                        RedisMetrics.NONE)),
                        clock,
                        new SecureRandom(),
                        TestEngines.DIRECT,
                        EngineMetrics.NONE);
        engine.start(scheduler);
        nodes.add(engine);
        return engine;
    }

    @Test
    void aClientOnOneNodeReceivesWhatTheOtherPublishesOnceAndInOrder() {
        SseEngine a = node();
        SseEngine b = node();
        RecordingTransport client = new RecordingTransport();
        TestEngines.connect(a, client, "news");
        List<String> ids = new ArrayList<>();

        for (int i = 0; i < 100; i++) {
            ids.add(
                    b.publish(
                            i % 2 == 0
                                    ? ServerEvent.toTopic("news", "n", "" + i)
                                    : ServerEvent.broadcast("b", "" + i)));
        }

        Await.until("100 events on a", () -> client.events().size() >= 100);
        assertThat(client.events())
                .extracting(WhatwgEventStreamParser.Event::lastEventId)
                .containsExactlyElementsOf(ids);
    }

    @Test
    void aClientResumesItsSessionOnTheOtherNodeAndRecoversExactlyWhatItMissed() {
        SseEngine a = node();
        SseEngine b = node();
        RecordingTransport first = new RecordingTransport();
        Admission admission = a.admit(null, null, List.of(), null);
        SseEngine.Opened opened = a.open(admission, first);
        a.publish(ServerEvent.toSession(admission.session().id(), "mine", "1"));
        a.publish(ServerEvent.broadcast("all", "2"));
        Await.until("two events", () -> first.events().size() >= 2);
        String cursor = first.events().get(1).lastEventId();
        opened.connection().clientGone();
        String missedOwn = a.publish(ServerEvent.toSession(admission.session().id(), "mine", "3"));
        String missedAll = b.publish(ServerEvent.broadcast("all", "4"));

        RecordingTransport again = new RecordingTransport();
        Admission resumed = b.admit(admission.token(), cursor, List.of(), null);
        b.open(resumed, again);

        assertThat(resumed.newSession()).isFalse();
        assertThat(ConnectedEvent.of(again))
                .isEqualTo(new ConnectedEvent(admission.session().id(), true, true, null, 2));
        assertThat(again.events())
                .extracting(WhatwgEventStreamParser.Event::lastEventId)
                .containsExactly(missedOwn, missedAll);
    }

    @Test
    void whileRedisDoesNotAnswerPublishesAndNewClientsAreRefusedAndOpenStreamsCatchUpAfter() {
        SseEngine a = node();
        SseEngine b = node();
        RecordingTransport client = new RecordingTransport();
        Admission admission = a.admit(null, null, List.of(), null);
        a.open(admission, client);
        RecordingTransport leaving = new RecordingTransport();
        SseEngine.Opened second =
                a.open(a.admit(admission.token(), null, List.of(), null), leaving);
        a.publish(ServerEvent.broadcast("before", "1"));

        server.pause();
        try {
            assertThatThrownBy(() -> b.publish(ServerEvent.broadcast("during", "2")))
                    .isInstanceOfSatisfying(
                            EventRejectedException.class,
                            e ->
                                    assertThat(e.reason())
                                            .isEqualTo(
                                                    EventRejectedException.Reason
                                                            .STORE_UNAVAILABLE));
            assertRefusedAsStoreUnavailable(() -> a.admit(null, null, List.of(), null));
            second.connection().clientGone();
            a.heartbeat();
        } finally {
            server.resume();
        }
        String after = b.publish(ServerEvent.broadcast("after", "3"));

        Await.until(
                "the event published after",
                () -> client.events().stream().anyMatch(e -> e.type().equals("after")));
        // A publish that timed out may still have reached Redis: then it is delivered in its place.
        List<String> ids =
                client.events().stream().map(WhatwgEventStreamParser.Event::lastEventId).toList();
        assertThat(client.events().get(0).type()).isEqualTo("before");
        assertThat(ids).last().isEqualTo(after);
        assertThat(ids).isSorted().doesNotHaveDuplicates();
        assertThat(client.closeCount()).isZero();
        a.expire();
        assertThat(a.stats().sessionsConnected())
                .as("the detach made while Redis was away was retried")
                .isEqualTo(1);
    }

    @Test
    void afterRedisLostItsDataAnOldCursorIsToldUnknownEpochAndGetsNoEvent() {
        SseEngine a = node();
        RecordingTransport first = new RecordingTransport();
        Admission admission = a.admit(null, null, List.of(), null);
        a.open(admission, first).connection().clientGone();
        String cursor = a.publish(ServerEvent.broadcast("old", "1"));
        a.publish(ServerEvent.broadcast("old", "2"));

        server.flushAll();
        a.publish(ServerEvent.broadcast("new", "1"));
        a.publish(ServerEvent.broadcast("new", "2"));
        RecordingTransport again = new RecordingTransport();
        a.open(a.admit(admission.token(), cursor, List.of(), null), again);

        assertThat(ConnectedEvent.of(again).reason()).isEqualTo("unknown-epoch");
        assertThat(again.events()).isEmpty();
    }

    /**
     * Redis freezes while it is given an attach: the node times out, but Redis runs the attach when
     * it wakes. The node gives that connection back at its next expiry run, so the session still
     * expires a TTL after its last connection closed instead of living as long as the node.
     */
    @Test
    void anAttachThatTimedOutButReachedRedisIsGivenBackSoItsSessionStillExpires() {
        AtomicBoolean freezeNextAttach = new AtomicBoolean();
        SseEngine a =
                node(
                        store ->
                                new DelegatingSessionStore(store) {
                                    @Override
                                    public boolean attach(String id, String connection, long now) {
                                        if (!freezeNextAttach.getAndSet(false)) {
                                            return super.attach(id, connection, now);
                                        }
                                        server.pause();
                                        try {
                                            return super.attach(id, connection, now);
                                        } finally {
                                            server.resume();
                                        }
                                    }
                                });
        Admission first = a.admit(null, null, List.of(), null);
        a.cancel(first);

        freezeNextAttach.set(true);
        assertRefusedAsStoreUnavailable(() -> a.admit(first.token(), null, List.of(), null));
        Await.until("Redis ran the attach once it woke", () -> a.stats().sessionsConnected() == 1);
        clock.advance(TestEngines.settings().build().bufferTtl());
        a.expire();

        assertThat(a.stats().sessionsConnected()).isZero();
        assertThat(a.admit(first.token(), null, List.of(), null).newSession())
                .as("the session expired")
                .isTrue();
    }

    private static void assertRefusedAsStoreUnavailable(ThrowingCallable admit) {
        assertThatThrownBy(admit)
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                ConnectionRefusedException.Reason
                                                        .STORE_UNAVAILABLE));
    }
}
