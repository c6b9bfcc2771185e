package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class ConnectionDeliveryTest {

    private final MutableClock clock = new MutableClock(0);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final ExecutorService pool = Executors.newFixedThreadPool(2);
    private SseEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        pool.shutdownNow();
    }

    private SseEngine engine(
            EngineSettings.Builder settings, java.util.concurrent.Executor delivery) {
        engine =
                TestEngines.started(
                        settings.build(),
                        new InMemoryEventStore(100, new SecureRandom()),
                        clock,
                        delivery,
                        metrics);
        return engine;
    }

    @Test
    void aClientThatStopsReadingHoldsOneWriteAndCatchesUpFromHistoryInOneWriteWhenItReadsAgain() {
        engine(TestEngines.settings(), TestEngines.DIRECT);
        RecordingTransport stalled = new RecordingTransport().stall();
        SseEngine.Opened opened = TestEngines.connect(engine, stalled);
        RecordingTransport healthy = new RecordingTransport();
        TestEngines.connect(engine, healthy);

        for (int i = 0; i < 30; i++) {
            engine.publish(ServerEvent.broadcast("tick", "" + i));
        }

        assertThat(healthy.events()).hasSize(30);
        assertThat(stalled.writesStarted()).as("only the connected frame is held").isEqualTo(1);
        assertThat(opened.connection().isOpen()).isTrue();
        stalled.resume();
        assertThat(stalled.events())
                .extracting(WhatwgEventStreamParser.Event::data)
                .containsExactlyElementsOf(numbers(30));
        assertThat(stalled.writes()).as("connected, then the 30 events at once").hasSize(2);
        assertThat(metrics.closed).isEmpty();
    }

    @Test
    void aClientThatFellBehindFurtherThanHistoryReachesIsClosedAsTooSlow() {
        engine =
                TestEngines.started(
                        TestEngines.settings().build(),
                        new InMemoryEventStore(10, new SecureRandom()),
                        clock,
                        TestEngines.DIRECT,
                        metrics);
        RecordingTransport stalled = new RecordingTransport().stall();
        SseEngine.Opened opened = TestEngines.connect(engine, stalled);
        RecordingTransport healthy = new RecordingTransport();
        SseEngine.Opened healthyConnection = TestEngines.connect(engine, healthy);

        for (int i = 0; i < 30; i++) {
            engine.publish(ServerEvent.broadcast("tick", "" + i));
        }
        stalled.resume();

        assertThat(opened.connection().isOpen()).isFalse();
        assertThat(metrics.closed).containsExactly(CloseCause.TOO_SLOW);
        assertThat(stalled.events()).isEmpty();
        assertThat(healthyConnection.connection().isOpen()).isTrue();
        assertThat(healthy.events()).hasSize(30);
    }

    @Test
    void aBurstNeverClosesAClientThatKeepsReadingAndEveryEventArrivesInOrder() throws Exception {
        engine =
                TestEngines.started(
                        TestEngines.settings().build(),
                        new InMemoryEventStore(5000, new SecureRandom()),
                        clock,
                        pool,
                        metrics);
        List<RecordingTransport> clients = new java.util.ArrayList<>();
        for (int i = 0; i < 20; i++) {
            RecordingTransport client = new AsyncTransport(pool);
            clients.add(client);
            TestEngines.connect(engine, client);
        }

        for (int i = 0; i < 5000; i++) {
            engine.publish(ServerEvent.broadcast("tick", "" + i));
        }

        for (RecordingTransport client : clients) {
            Await.until("a client has the whole burst", () -> client.events().size() == 5000);
            assertThat(client.events())
                    .extracting(WhatwgEventStreamParser.Event::data)
                    .containsExactlyElementsOf(numbers(5000));
            assertThat(client.writes().size()).as("writes coalesce").isLessThan(5000);
        }
        assertThat(metrics.closed).isEmpty();
    }

    @Test
    void oneWriteTakesAtMostMaxPendingBytesAndAnEventLargerThanThatStillGoesOutAlone() {
        engine(TestEngines.settings().maxPendingBytes(1024), TestEngines.DIRECT);
        RecordingTransport stalled = new RecordingTransport().stall();
        TestEngines.connect(engine, stalled);

        for (int i = 0; i < 20; i++) {
            engine.publish(ServerEvent.broadcast("tick", "x".repeat(200)));
        }
        engine.publish(ServerEvent.broadcast("big", "y".repeat(3000)));
        stalled.resume();

        assertThat(stalled.events()).hasSize(21);
        List<List<EventFrame>> writes = stalled.writes();
        assertThat(writes).hasSizeBetween(8, 10);
        for (List<EventFrame> write : writes.subList(0, writes.size() - 1)) {
            assertThat(write.stream().mapToInt(EventFrame::size).sum()).isLessThanOrEqualTo(1024);
        }
        assertThat(writes.get(writes.size() - 1)).hasSize(1);
        assertThat(writes.get(writes.size() - 1).get(0).size()).isGreaterThan(3000);
    }

    @Test
    void closesAConnectionWhoseWriteThrowsAsWriteFailureAndKeepsServingTheOthers() {
        engine(TestEngines.settings(), TestEngines.DIRECT);
        RecordingTransport healthy = new RecordingTransport();
        TestEngines.connect(engine, healthy);
        RecordingTransport broken =
                new RecordingTransport().failWith(new IllegalStateException("reset by peer"));

        SseEngine.Opened opened = TestEngines.connect(engine, broken);
        engine.publish(ServerEvent.broadcast("x", "1"));

        assertThat(opened.connection().isOpen()).isFalse();
        assertThat(metrics.closed).containsExactly(CloseCause.WRITE_FAILURE);
        assertThat(broken.closeCount()).isEqualTo(1);
        assertThat(healthy.events()).hasSize(1);
        assertThat(engine.stats().openConnections()).isEqualTo(1);
    }

    @Test
    void closesAConnectionWhoseClientLeftOnTheNextWrite() {
        engine(TestEngines.settings(), TestEngines.DIRECT);
        RecordingTransport leaving = new RecordingTransport();
        SseEngine.Opened opened = TestEngines.connect(engine, leaving);
        leaving.disconnect();

        engine.publish(ServerEvent.broadcast("x", "1"));

        assertThat(opened.connection().isOpen()).isFalse();
        assertThat(metrics.closed).containsExactly(CloseCause.WRITE_FAILURE);
    }

    @Test
    void theHeartbeatClosesConnectionsWhoseClientIsGoneAndPingsTheOthers() {
        engine(TestEngines.settings(), TestEngines.DIRECT);
        RecordingTransport gone = new RecordingTransport();
        SseEngine.Opened goneConnection = TestEngines.connect(engine, gone);
        RecordingTransport alive = new RecordingTransport();
        TestEngines.connect(engine, alive);
        gone.disconnect();

        engine.heartbeat();

        assertThat(goneConnection.connection().isOpen()).isFalse();
        assertThat(metrics.closed).containsExactly(CloseCause.CLIENT_GONE);
        assertThat(alive.parsed().comments()).isEqualTo(1);
        assertThat(alive.text()).endsWith(": hb\n\n");
        assertThat(engine.stats().openConnections()).isEqualTo(1);
    }

    @Test
    void countsDeliveredEventsButNotHeartbeatsOrTheConnectedEvent() {
        engine(TestEngines.settings(), TestEngines.DIRECT);
        TestEngines.connect(engine, new RecordingTransport());
        TestEngines.connect(engine, new RecordingTransport());

        engine.publish(ServerEvent.broadcast("x", "1"));
        engine.heartbeat();

        assertThat(metrics.delivered).hasValue(2);
        assertThat(metrics.published).hasValue(1);
    }

    @Test
    void closingSendsEveryConnectionAFinalRetryHintThenClosesItAndRefusesNewWork() {
        engine(TestEngines.settings().retryBase(Duration.ofMillis(1234)), TestEngines.DIRECT);
        RecordingTransport first = new RecordingTransport();
        RecordingTransport second = new RecordingTransport();
        TestEngines.connect(engine, first);
        TestEngines.connect(engine, second);

        engine.close();

        for (RecordingTransport transport : List.of(first, second)) {
            List<EventFrame> frames = transport.frames();
            assertThat(frames.get(frames.size() - 1).text()).isEqualTo("retry: 1234\n\n");
            assertThat(transport.parsed().reconnectionTime()).isEqualTo(1234);
            assertThat(transport.closeCount()).isEqualTo(1);
        }
        assertThat(metrics.closed).containsExactly(CloseCause.SHUTDOWN, CloseCause.SHUTDOWN);
        assertThat(engine.stats().openConnections()).isZero();
        assertThatThrownBy(() -> engine.publish(ServerEvent.broadcast("x", "1")))
                .isInstanceOf(EventRejectedException.class);
    }

    @Test
    void closingGivesUpOnAClientThatDoesNotReadAfterAShortGrace() {
        engine(TestEngines.settings(), pool);
        RecordingTransport stuck = new RecordingTransport().stall();
        TestEngines.connect(engine, stuck);
        Await.until("the first write is stuck", () -> stuck.writesStarted() == 1);

        long started = System.nanoTime();
        engine.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Await.scaled(Duration.ofSeconds(5)));
        Await.until("the stuck transport is closed", () -> stuck.closeCount() == 1);
    }

    private static List<String> numbers(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(String::valueOf).toList();
    }

    /** A client whose writes complete later, on another thread, as a real socket's do. */
    private static final class AsyncTransport extends RecordingTransport {
        private final java.util.concurrent.Executor completions;

        AsyncTransport(java.util.concurrent.Executor completions) {
            this.completions = completions;
        }

        @Override
        public void write(List<EventFrame> batch, Completion done) {
            completions.execute(() -> super.write(batch, done));
        }
    }

    @Test
    void sendsTheRetryDelayWithJitterInTheConnectedEvent() {
        engine(
                TestEngines.settings()
                        .retryBase(Duration.ofSeconds(3))
                        .retryJitter(Duration.ofSeconds(2)),
                TestEngines.DIRECT);

        for (int i = 0; i < 50; i++) {
            RecordingTransport transport = new RecordingTransport();
            TestEngines.connect(engine, transport);
            assertThat(transport.parsed().reconnectionTime()).isBetween(3000L, 5000L);
        }
    }
}
