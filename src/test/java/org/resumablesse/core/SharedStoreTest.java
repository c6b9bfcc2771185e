package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;
import org.resumablesse.spi.EventStore;

/**
 * What the engine does with a store shared by several nodes: events appended by another node, an
 * epoch renewed under it, and sessions issued by another node.
 */
class SharedStoreTest {

    private final MutableClock clock = new MutableClock(0);
    private final InMemoryEventStore memory = new InMemoryEventStore(10, new SecureRandom());
    private volatile String epoch = memory.epoch();
    private EventStore.AppendListener listener;
    private final EventStore shared =
            new DelegatingEventStore(memory) {
                @Override
                public String epoch() {
                    return epoch;
                }

                @Override
                public void setAppendListener(AppendListener appendListener) {
                    // Appends made on memory directly stand for another node's: not told.
                    listener = appendListener;
                    super.setAppendListener(appendListener);
                }
            };
    private SseEngine engine;
    private final java.util.concurrent.ScheduledExecutorService scheduler =
            java.util.concurrent.Executors.newSingleThreadScheduledExecutor();

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        scheduler.shutdownNow();
    }

    @Test
    void aMissedNoticeWakesEveryConnectionToReadWhatAnotherNodeAppended() {
        engine = TestEngines.started(TestEngines.settings().build(), shared, clock, Runnable::run);
        RecordingTransport client = new RecordingTransport();
        TestEngines.connect(engine, client, "news");
        memory.setAppendListener(event -> {});
        memory.append(org.resumablesse.Audience.topic("news"), "n", "from-b", 1);

        assertThat(client.frames()).hasSize(1);
        listener.missed();

        assertThat(client.frames()).extracting(EventFrame::name).containsExactly("connected", "n");
    }

    @Test
    void aLiveConnectionFindsAGapInsteadOfEventsOfARenewedEpoch() {
        engine = TestEngines.started(TestEngines.settings().build(), shared, clock, Runnable::run);
        RecordingTransport client = new RecordingTransport();
        TestEngines.connect(engine, client);
        engine.publish(ServerEvent.broadcast("before", "1"));

        epoch = "00000000000000aa";
        engine.publish(ServerEvent.broadcast("after", "2"));

        assertThat(client.frames())
                .extracting(EventFrame::name)
                .containsExactly("connected", "before");
        assertThat(client.closeCount()).isEqualTo(1);
    }

    @Test
    void aSessionIssuedByOneNodeIsResumedOnAnotherThatSharesTheSessionStore() {
        InMemorySessionStore sessions = new InMemorySessionStore(10);
        SseEngine a = node(sessions);
        SseEngine b = node(sessions);
        try {
            Admission first = a.admit(null, null, List.of(), null);
            a.cancel(first);

            Admission again = b.admit(first.token(), null, List.of(), null);

            assertThat(again.newSession()).isFalse();
            assertThat(again.session().id()).isEqualTo(first.session().id());
            assertThat(sessions.connected()).isEqualTo(1);
        } finally {
            a.close();
            b.close();
        }
    }

    private SseEngine node(InMemorySessionStore sessions) {
        SseEngine node =
                new SseEngine(
                        TestEngines.settings().build(),
                        new InMemoryEventStore(10, new SecureRandom()),
                        sessions,
                        clock,
                        clock,
                        new SecureRandom(),
                        Runnable::run,
                        EngineMetrics.NONE);
        node.start(scheduler);
        return node;
    }
}
