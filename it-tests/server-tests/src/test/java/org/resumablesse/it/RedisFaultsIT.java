package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.resumablesse.redis.RedisServer;

/**
 * Fault scenario (c), several nodes on one Redis: a node restarted while Redis keeps its data;
 * Redis restarted from its append-only file; Redis that lost its data (restarted empty, or
 * flushed); and Redis frozen for 10 s while events are published. Two nodes of the kind this
 * execution targets share, for the whole class, one Redis of the test's own that syncs its
 * append-only file at every write. Each test follows a topic of its own with clients of its own, so
 * the tests do not depend on each other's order. Each prints {@code FAULT-FIGURE (c)} lines and
 * asserts them.
 */
@Tag("fault")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RedisFaultsIT {

    /**
     * Heartbeats often enough to see several while Redis is frozen; sessions and idle streams kept
     * longer than a node takes to restart on a loaded machine (it took 85 s once).
     */
    private static final Map<String, String> NODE =
            Map.of(
                    "resumable-sse.heartbeat-interval", "2s",
                    "resumable-sse.buffer-ttl", "10m");

    private static final Duration FROZEN = Duration.ofSeconds(10);

    private RedisServer redis;
    private Map<String, String> config;
    private StandaloneServer a;
    private StandaloneServer b;

    @BeforeAll
    void startRedisAndTwoNodes() throws IOException {
        Path dir =
                Files.createTempDirectory(
                        Path.of(System.getProperty("payara.tmpdir")), "redis-faults-aof-");
        redis = RedisServer.startAppendOnly(dir);
        config = RedisNodes.onRedis(redis, "faults:", NODE);
        a = StandaloneServer.start("redis-faults-a", config);
        b = StandaloneServer.start("redis-faults-b", config);
    }

    @AfterAll
    void stopNodesAndRedis() {
        try (RedisServer stopRedis = redis;
                StandaloneServer stopB = b;
                StandaloneServer stopA = a) {
            // closed in reverse order: the nodes, then Redis
        }
    }

    /**
     * Node A is restarted (SIGTERM, then started again) while node B publishes: its client comes
     * back to the new node A with its cookie and {@code Last-Event-ID}, which finds the session in
     * Redis, and across both streams gets every event once, in order, including its own session's.
     */
    @Test
    void aRestartedNodeResumesItsClientsSessionFromRedisAndRecoversEveryEventOnce()
            throws Exception {
        String topic = "restart";
        try (OpenStreams streams = new OpenStreams()) {
            SseClient first = streams.open(stream(a, topic));
            Connected opened = Connected.await(first);
            List<String> published = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                published.add(client(b).toTopic(topic, "e", json(i)));
            }
            published.add(client(a).toSession(opened.sessionId(), "own", json(5)));
            first.awaitEvents(Sse.published(), published.size(), Timeouts.DEFAULT);

            a.terminate(Timeouts.seconds(90));
            first.awaitEnd(Timeouts.DEFAULT);
            for (int i = 6; i < 11; i++) {
                published.add(client(b).toTopic(topic, "e", json(i)));
            }
            published.add(client(b).toSession(opened.sessionId(), "own", json(11)));
            a = StandaloneServer.start("redis-faults-a-restarted", config);

            SseClient again =
                    streams.open(
                            stream(a, topic)
                                    .sessionCookie(first.sessionToken())
                                    .lastEventId(first.lastEventId()));
            Connected resumed = Connected.await(again);
            published.add(client(a).toTopic(topic, "e", json(12)));
            published.add(client(b).toSession(opened.sessionId(), "own", json(13)));
            again.awaitEvent(Sse.withId(Set.of(published.get(13))), Timeouts.DEFAULT);

            List<String> received = new ArrayList<>(Sse.ids(first.events(Sse.published())));
            received.addAll(Sse.ids(again.events(Sse.published())));
            DeliveryFigures figures = DeliveryFigures.of(published, received);
            boolean sameSession =
                    opened.sessionId().equals(resumed.sessionId()) && !resumed.newSession();
            System.out.println(
                    figures.figure("node-restarted") + " session-resumed=" + sameSession);
            assertTrue(sameSession, () -> "the session was found in Redis: " + resumed);
            assertTrue(resumed.recovered(), resumed::toString);
            assertEquals(6, resumed.replayed(), resumed::toString);
            assertTrue(figures.exact(), figures::toString);
            assertEquals(published, received);
        }
    }

    /**
     * Redis is killed (SIGKILL) and started again from its append-only file while both nodes run:
     * clients connected throughout keep their streams and get every event once, in order; a client
     * that was away resumes its session and recovers exactly what it missed.
     */
    @Test
    void redisRestartedFromItsAppendOnlyFileLosesNothing() {
        String topic = "aof";
        Publications published = new Publications(topic);
        try (OpenStreams streams = new OpenStreams()) {
            List<SseClient> throughout =
                    List.of(streams.open(stream(a, topic)), streams.open(stream(b, topic)));
            SseClient away = streams.open(stream(b, topic));
            throughout.forEach(SseClient::awaitConnected);
            Connected awayOpened = Connected.await(away);
            for (int i = 0; i < 10; i++) {
                assertNotNull(published.publish(client(i % 2 == 0 ? a : b), "k" + i));
            }
            away.awaitEvents(Sse.published(), 10, Timeouts.DEFAULT);
            away.close();

            redis.restart();
            for (int i = 10; i < 20; i++) {
                published.publishUntilStored(client(i % 2 == 0 ? a : b), "k" + i);
            }
            RedisNodes.Reopened reopened =
                    RedisNodes.openOnceRedisAnswers(
                            streams,
                            stream(a, topic)
                                    .sessionCookie(away.sessionToken())
                                    .lastEventId(away.lastEventId()));
            SseClient back = reopened.stream();
            Connected resumed = Connected.await(back);
            String last = published.lastConfirmed();

            List<SseEvent> returned = new ArrayList<>(away.events(Sse.published()));
            back.awaitEvent(e -> last.equals(e.data()), Timeouts.DEFAULT);
            returned.addAll(back.events(Sse.published()));
            List<DeliveryFigures> figures = new ArrayList<>();
            for (SseClient stream : throughout) {
                stream.awaitEvent(e -> last.equals(e.data()), Timeouts.DEFAULT);
                figures.add(published.figures(stream.events(Sse.published())));
            }
            figures.add(published.figures(returned));
            long closed = throughout.stream().filter(SseClient::ended).count();
            for (DeliveryFigures figure : figures) {
                System.out.println(
                        figure.figure("redis-aof-restarted")
                                + " publishes-refused="
                                + published.refused()
                                + " streams-refused="
                                + reopened.refused()
                                + " streams-closed="
                                + closed);
            }
            assertEquals(List.of(), published.otherAnswers());
            assertEquals(awayOpened.sessionId(), resumed.sessionId(), resumed::toString);
            assertTrue(resumed.recovered() && !resumed.newSession(), resumed::toString);
            assertEquals(0, closed, "streams open throughout stay open");
            figures.forEach(figure -> assertTrue(figure.exact(), figure::toString));
        }
    }

    @Test
    void afterRedisRestartedWithoutItsDataEveryOldCursorIsToldUnknownEpoch() {
        everyOldCursorIsToldUnknownEpochAfter("redis-restarted-empty", redis::restartEmpty);
    }

    @Test
    void afterRedisWasFlushedEveryOldCursorIsToldUnknownEpoch() {
        everyOldCursorIsToldUnknownEpochAfter("redis-flushed", redis::flushAll);
    }

    /**
     * Redis loses its data while both nodes run. Streams open across the loss end without an event
     * of the new epoch; every old cursor, theirs and one of a client that was away, is then told
     * {@code unknown-epoch} and gets no event but those published after it came back.
     */
    private void everyOldCursorIsToldUnknownEpochAfter(String scenario, Runnable loseData) {
        String topic = scenario;
        try (OpenStreams streams = new OpenStreams()) {
            List<SseClient> open =
                    List.of(streams.open(stream(a, topic)), streams.open(stream(b, topic)));
            SseClient away = streams.open(stream(a, topic));
            List<SseClient> old = List.of(open.get(0), open.get(1), away);
            old.forEach(SseClient::awaitConnected);
            List<String> before = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                before.add(client(i % 2 == 0 ? a : b).toTopic(topic, "e", json(i)));
            }
            old.forEach(c -> c.awaitEvents(Sse.published(), 4, Timeouts.DEFAULT));
            away.close();

            loseData.run();
            Publications after = new Publications(topic);
            after.publishUntilStored(client(b), "after-4");
            after.publishUntilStored(client(a), "after-5");
            open.forEach(c -> c.awaitEnd(Timeouts.DEFAULT));

            List<SseClient> again = new ArrayList<>();
            List<StandaloneServer> nodes = List.of(a, b, b);
            int refused = 0;
            for (int i = 0; i < old.size(); i++) {
                RedisNodes.Reopened reopened =
                        RedisNodes.openOnceRedisAnswers(
                                streams,
                                stream(nodes.get(i), topic)
                                        .sessionCookie(old.get(i).sessionToken())
                                        .lastEventId(old.get(i).lastEventId()));
                again.add(reopened.stream());
                refused += reopened.refused();
            }
            List<Connected> answers = again.stream().map(Connected::await).toList();
            String live = client(a).toTopic(topic, "e", json(6));
            again.forEach(c -> c.awaitEvent(Sse.withId(Set.of(live)), Timeouts.DEFAULT));

            long toldUnknownEpoch =
                    answers.stream()
                            .filter(c -> !c.recovered())
                            .filter(c -> c.reason().equals(Optional.of("unknown-epoch")))
                            .count();
            int wrong = 0;
            for (SseClient stream : old) {
                wrong += wrongEvents(stream, before);
            }
            for (SseClient stream : again) {
                wrong += wrongEvents(stream, List.of(live));
            }
            System.out.println(
                    "FAULT-FIGURE (c) "
                            + scenario
                            + " old-cursors="
                            + old.size()
                            + " told-unknown-epoch="
                            + toldUnknownEpoch
                            + " wrong-events="
                            + wrong
                            + " open-streams-closed="
                            + open.stream().filter(SseClient::ended).count()
                            + " refused-503-while-redis-came-back="
                            + refused);
            assertEquals(old.size(), toldUnknownEpoch, answers::toString);
            answers.forEach(c -> assertEquals(0, c.replayed(), c::toString));
            assertEquals(0, wrong, "no stream got an event it should not have");
        }
    }

    /** How far the stream's events differ from exactly these, in this order. */
    private static int wrongEvents(SseClient stream, List<String> expected) {
        DeliveryFigures figures =
                DeliveryFigures.of(expected, Sse.ids(stream.events(Sse.published())));
        return figures.lost()
                + figures.duplicated()
                + figures.reordered()
                + figures.foreign()
                + figures.unconfirmed();
    }

    /**
     * Redis is frozen (SIGSTOP) for 10 s while one publisher publishes on both nodes in turn. Every
     * publish is answered: stored ({@code 202}), or refused with {@code 503}, never silence. New
     * connections are answered {@code 503} with {@code Retry-After: 5}. Streams open throughout
     * keep their heartbeats, stay open, and get every stored event once and in order; events whose
     * publisher timed out may arrive too (Redis may have taken them), in their place.
     */
    @Test
    void whileRedisIsFrozenPublishersAreRefusedAndOpenStreamsKeepBeatingAndCatchUp()
            throws Exception {
        Publications published = new Publications("frozen");
        String topic = "frozen";
        try (OpenStreams streams = new OpenStreams();
                RoundRobinPublisher publisher =
                        new RoundRobinPublisher(List.of(client(a), client(b)), published)) {
            List<SseClient> throughout =
                    List.of(streams.open(stream(a, topic)), streams.open(stream(b, topic)));
            throughout.forEach(SseClient::awaitConnected);
            publisher.start();
            publisher.awaitConfirmed(5);
            List<Integer> beatsBefore = throughout.stream().map(SseClient::commentCount).toList();
            SseClient newcomer;
            long frozenAt = System.nanoTime();
            redis.pause();
            try {
                newcomer = streams.open(stream(a, topic));
                RedisNodes.hold(FROZEN.minusNanos(System.nanoTime() - frozenAt));
            } finally {
                redis.resume();
            }
            List<Integer> beatsFrozen = new ArrayList<>();
            for (int i = 0; i < throughout.size(); i++) {
                beatsFrozen.add(throughout.get(i).commentCount() - beatsBefore.get(i));
            }
            int refusedWhileFrozen = published.refused();
            publisher.awaitConfirmed(published.confirmedCount() + 10);
            publisher.close();
            String lastKey = published.lastConfirmed();

            List<DeliveryFigures> figures = new ArrayList<>();
            for (SseClient stream : throughout) {
                stream.awaitEvent(e -> lastKey.equals(e.data()), Timeouts.DEFAULT);
                figures.add(published.figures(stream.events(Sse.published())));
            }
            long closed = throughout.stream().filter(SseClient::ended).count();
            for (int i = 0; i < figures.size(); i++) {
                System.out.println(
                        figures.get(i).figure("redis-frozen-10s")
                                + " heartbeats-while-frozen="
                                + beatsFrozen.get(i)
                                + " streams-closed="
                                + closed);
            }
            System.out.println(
                    "FAULT-FIGURE (c) redis-frozen-10s refused-503="
                            + refusedWhileFrozen
                            + " other-answers="
                            + published.otherAnswers()
                            + " slowest-answer-ms="
                            + publisher.slowestAnswerMillis()
                            + " new-connection-while-frozen="
                            + newcomer.status()
                            + " retry-after="
                            + newcomer.header("Retry-After").orElse("none"));
            assertTrue(refusedWhileFrozen > 0, "publishers were told Redis is away");
            assertEquals(List.of(), published.otherAnswers());
            assertEquals(503, newcomer.status());
            assertEquals("5", newcomer.header("Retry-After").orElse(null));
            assertEquals(0, closed, "streams open throughout stay open");
            beatsFrozen.forEach(beats -> assertTrue(beats >= 2, () -> "heartbeats: " + beats));
            figures.forEach(figure -> assertTrue(figure.exact(), figure::toString));
        }
    }

    /**
     * One thread that publishes events named by their data ({@code k0}, {@code k1}, …) on the nodes
     * in turn until closed, recording every answer in its {@link Publications}. At most {@link
     * #MOST} publishes.
     */
    private static final class RoundRobinPublisher implements AutoCloseable {
        private static final int MOST = 5_000;
        private final List<DemoClient> nodes;
        private final Publications published;
        private final AtomicLong slowestAnswer = new AtomicLong();
        private final Thread thread = new Thread(this::run, "round-robin-publisher");
        private volatile boolean stopping;

        RoundRobinPublisher(List<DemoClient> nodes, Publications published) {
            this.nodes = nodes;
            this.published = published;
            thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void run() {
            for (int n = 0; n < MOST && !stopping; n++) {
                long start = System.nanoTime();
                published.publish(nodes.get(n % nodes.size()), "k" + n);
                slowestAnswer.accumulateAndGet(System.nanoTime() - start, Math::max);
            }
        }

        /** Waits, with a deadline, until this many publishes were confirmed. */
        void awaitConfirmed(int count) {
            long deadline = System.nanoTime() + Timeouts.DEFAULT.multipliedBy(2).toNanos();
            while (published.confirmedCount() < count) {
                if (System.nanoTime() - deadline > 0 || !thread.isAlive()) {
                    throw new AssertionError(
                            published.confirmedCount()
                                    + " of "
                                    + count
                                    + " publishes confirmed; others: "
                                    + published.otherAnswers());
                }
                LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(50));
            }
        }

        /** The longest a publish waited for its answer, in milliseconds. */
        long slowestAnswerMillis() {
            return TimeUnit.NANOSECONDS.toMillis(slowestAnswer.get());
        }

        /** Stops publishing and waits for the publish under way. Idempotent. */
        @Override
        public void close() throws InterruptedException {
            stopping = true;
            thread.join(Timeouts.DEFAULT.toMillis());
            if (thread.isAlive()) {
                throw new AssertionError("the publisher did not stop within " + Timeouts.DEFAULT);
            }
        }
    }

    private static SseRequest stream(StandaloneServer node, String topic) {
        return SseClient.to(node.base().resolve(DemoClient.JAXRS_EVENTS)).topic(topic);
    }

    private static DemoClient client(StandaloneServer node) {
        try {
            return new DemoClient(node.base().toURL());
        } catch (java.net.MalformedURLException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private static String json(int n) {
        return "{\"n\":" + n + "}";
    }
}
