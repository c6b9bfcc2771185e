package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

/**
 * Several publishers and several clients that keep dropping and coming back, on a real delivery
 * pool: every client must end up with every event of its streams after its first position, once
 * each, in order, and every reconnect must be a recovery.
 */
class ConcurrentDeliveryTest {

    private static final int PUBLISHERS = 3;
    private static final int EVENTS_PER_PUBLISHER = 1000;
    private static final int CLIENTS = 4;
    private static final int RECONNECTS = 30;

    private final ExecutorService delivery = Executors.newFixedThreadPool(4);
    private final ExecutorService actors = Executors.newFixedThreadPool(PUBLISHERS + CLIENTS);
    private SseEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        actors.shutdownNow();
        delivery.shutdownNow();
    }

    @Test
    void everyClientGetsEveryEventOfItsStreamsOnceAndInOrderAcrossReconnects() throws Exception {
        engine =
                TestEngines.started(
                        TestEngines.settings()
                                .bufferSize(PUBLISHERS * EVENTS_PER_PUBLISHER)
                                .build(),
                        new InMemoryEventStore(
                                PUBLISHERS * EVENTS_PER_PUBLISHER, new SecureRandom()),
                        new MutableClock(0),
                        delivery);
        Map<Long, Audience> streamOf = new ConcurrentHashMap<>();
        AtomicBoolean publishing = new AtomicBoolean(true);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> publishers = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            publishers.add(
                    actors.submit(
                            () -> {
                                start.await();
                                for (int i = 0; i < EVENTS_PER_PUBLISHER; i++) {
                                    Audience audience =
                                            switch ((i + publisher) % 3) {
                                                case 0 -> Audience.everyone();
                                                case 1 -> Audience.topic("a");
                                                default -> Audience.topic("b");
                                            };
                                    String id =
                                            engine.publish(
                                                    new ServerEvent(
                                                            audience,
                                                            "p" + publisher,
                                                            publisher + ":" + i));
                                    streamOf.put(
                                            Cursor.parse(id).orElseThrow().sequence(), audience);
                                }
                                return null;
                            }));
        }
        List<Future<ClientRun>> clients = new ArrayList<>();
        for (int c = 0; c < CLIENTS; c++) {
            List<String> topics = c % 2 == 0 ? List.of("a") : List.of("a", "b");
            clients.add(actors.submit(() -> runClient(topics, start, publishing)));
        }
        start.countDown();
        for (Future<?> publisher : publishers) {
            publisher.get(Await.scaled(Await.DEFAULT).toMillis(), TimeUnit.MILLISECONDS);
        }
        publishing.set(false);

        long head = PUBLISHERS * EVENTS_PER_PUBLISHER;
        assertThat(streamOf).hasSize((int) head);
        for (Future<ClientRun> future : clients) {
            ClientRun run =
                    future.get(Await.scaled(Await.DEFAULT).toMillis(), TimeUnit.MILLISECONDS);
            Set<Audience> followed = run.followed();
            List<Long> expected = new ArrayList<>();
            for (long sequence = run.firstPosition() + 1; sequence <= head; sequence++) {
                if (followed.contains(streamOf.get(sequence))) {
                    expected.add(sequence);
                }
            }
            long last =
                    expected.isEmpty() ? run.firstPosition() : expected.get(expected.size() - 1);
            Await.until(
                    "the client's last connection caught up",
                    () ->
                            lastSequence(run.connections().get(run.connections().size() - 1))
                                    >= last);

            List<Long> received = new ArrayList<>();
            for (RecordingTransport transport : run.connections()) {
                assertThat(
                                ConnectedEvent.of(transport).recovered()
                                        || transport == run.connections().get(0))
                        .as("every reconnect recovers")
                        .isTrue();
                for (Event event : transport.events()) {
                    received.add(Cursor.parse(event.lastEventId()).orElseThrow().sequence());
                }
            }
            assertThat(received).as("client following %s", followed).isEqualTo(expected);
        }
    }

    /** What one client saw: its first position, its connections in order, and its streams. */
    record ClientRun(
            long firstPosition, List<RecordingTransport> connections, Set<Audience> followed) {}

    private ClientRun runClient(List<String> topics, CountDownLatch start, AtomicBoolean publishing)
            throws InterruptedException {
        start.await();
        Admission admission = engine.admit(null, null, topics, null);
        String token = admission.token();
        RecordingTransport transport = new RecordingTransport();
        SseEngine.Opened opened = engine.open(admission, transport);
        long firstPosition = opened.recovery().position().sequence();
        List<RecordingTransport> connections = new ArrayList<>(List.of(transport));
        for (int i = 0; i < RECONNECTS && publishing.get(); i++) {
            RecordingTransport current = transport;
            // A browser that never got the connected event has no id to come back with.
            Await.until("the connected event arrives", () -> lastSequence(current) >= 0);
            long seen = lastSequence(current);
            Await.until(
                    "an event arrives or publishing ends",
                    () -> lastSequence(current) > seen || !publishing.get());
            current.disconnect();
            opened.connection().close(CloseCause.CLIENT_GONE);
            String cursor = current.parsed().lastEventId();
            transport = new RecordingTransport();
            opened = engine.open(engine.admit(token, cursor, topics, null), transport);
            connections.add(transport);
        }
        return new ClientRun(firstPosition, connections, opened.connection().streams());
    }

    private static long lastSequence(RecordingTransport transport) {
        return Optional.of(transport.parsed().lastEventId())
                .flatMap(Cursor::parse)
                .map(Cursor::sequence)
                .orElse(-1L);
    }
}
