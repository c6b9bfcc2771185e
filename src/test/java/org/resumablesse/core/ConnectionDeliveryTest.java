package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.EventRejectedException;
import org.resumablesse.ServerEvent;

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
    void closesAClientThatStoppedReadingAsTooSlowWithoutEverBlockingPublishers() throws Exception {
        engine(TestEngines.settings().maxQueuedEvents(5), pool);
        CountDownLatch reading = new CountDownLatch(1);
        RecordingTransport stalled = new RecordingTransport().blockUntil(reading);
        SseEngine.Opened opened = TestEngines.connect(engine, stalled);
        RecordingTransport healthy = new RecordingTransport();
        SseEngine.Opened healthyConnection = TestEngines.connect(engine, healthy);
        Await.until("the first write is stuck", () -> stalled.sendsStarted() == 1);

        for (int round = 0; round < 10; round++) {
            int from = round * 3;
            CompletableFuture<Void> publishing =
                    CompletableFuture.runAsync(
                            () -> {
                                for (int i = from; i < from + 3; i++) {
                                    engine.publish(ServerEvent.broadcast("tick", "" + i));
                                }
                            });
            publishing.get(Await.scaled(Duration.ofSeconds(5)).toMillis(), TimeUnit.MILLISECONDS);
            Await.until("the healthy client keeps up", () -> healthy.events().size() == from + 3);
        }

        assertThat(opened.connection().isOpen()).isFalse();
        assertThat(healthyConnection.connection().isOpen()).isTrue();
        assertThat(metrics.closed).containsExactly(CloseCause.TOO_SLOW);
        assertThat(engine.stats().openConnections()).isEqualTo(1);
        reading.countDown();
        Await.until("the stalled transport is closed", () -> stalled.closeCount() == 1);
        assertThat(opened.connection().session().openConnections()).isZero();
        assertThat(stalled.frames()).hasSizeLessThanOrEqualTo(2);
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
        CountDownLatch never = new CountDownLatch(1);
        RecordingTransport stuck = new RecordingTransport().blockUntil(never);
        TestEngines.connect(engine, stuck);
        Await.until("the first write is stuck", () -> stuck.sendsStarted() == 1);

        long started = System.nanoTime();
        engine.close();

        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .isLessThan(Await.scaled(Duration.ofSeconds(5)));
        Await.until("the stuck transport is closed", () -> stuck.closeCount() == 1);
        never.countDown();
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
