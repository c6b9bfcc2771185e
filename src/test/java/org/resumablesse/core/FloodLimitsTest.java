package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;
import org.resumablesse.core.ConnectionRefusedException.Reason;

/** The engine's limits against clients that flood it. */
class FloodLimitsTest {

    private final MutableClock clock = new MutableClock(0);
    private final List<SseEngine> engines = new ArrayList<>();

    @AfterEach
    void close() {
        engines.forEach(SseEngine::close);
    }

    private SseEngine engine(EngineSettings.Builder settings) {
        SseEngine engine = TestEngines.started(settings.build(), clock);
        engines.add(engine);
        return engine;
    }

    @Test
    void refusesANewSessionPastTheAddressLimitUntilTheIntervalEndsButStillResumesOldOnes() {
        SseEngine engine =
                engine(
                        TestEngines.settings()
                                .maxNewSessionsPerAddress(2)
                                .newSessionInterval(Duration.ofSeconds(10)));
        Admission first = engine.admit(null, null, List.of(), null, "", "192.0.2.1");
        engine.admit(null, null, List.of(), null, "", "192.0.2.1");
        clock.advance(Duration.ofSeconds(4));

        assertThatThrownBy(() -> engine.admit(null, null, List.of(), null, "", "192.0.2.1"))
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_NEW_SESSIONS);
                            assertThat(e.retryAfterMillis()).isEqualTo(6_000);
                        });
        assertThat(engine.admit(first.token(), null, List.of(), null, "", "192.0.2.1").newSession())
                .as("resuming is no new session")
                .isFalse();
        assertThat(engine.admit(null, null, List.of(), null, "", "192.0.2.9").newSession())
                .isTrue();

        clock.advance(Duration.ofSeconds(6));
        assertThat(engine.admit(null, null, List.of(), null, "", "192.0.2.1").newSession())
                .isTrue();
    }

    @Test
    void refusesAConnectionPastMaxConnectionsUntilOneClosesOrIsCancelled() {
        SseEngine engine = engine(TestEngines.settings().maxConnections(2));
        SseEngine.Opened open = TestEngines.connect(engine, new RecordingTransport());
        Admission pending = engine.admit(null, null, List.of(), null);

        assertThatThrownBy(() -> engine.admit(null, null, List.of(), null))
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(Reason.TOO_MANY_CONNECTIONS_IN_TOTAL));

        open.connection().clientGone();
        Admission next = engine.admit(null, null, List.of(), null);
        engine.cancel(pending);
        engine.cancel(next);
        assertThat(
                        engine.open(
                                        engine.admit(null, null, List.of(), null),
                                        new RecordingTransport())
                                .connection()
                                .isOpen())
                .isTrue();
        engine.admit(null, null, List.of(), null);
    }

    @Test
    void anAdmissionRefusedForAnotherLimitGivesItsConnectionSlotBack() {
        SseEngine engine = engine(TestEngines.settings().maxConnections(1).maxSessions(1));
        Admission only = engine.admit(null, null, List.of(), null);
        engine.cancel(only);

        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> engine.admit(null, null, List.of(), null))
                    .isInstanceOfSatisfying(
                            ConnectionRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_SESSIONS));
        }
        assertThat(engine.admit(only.token(), null, List.of(), null).newSession()).isFalse();
    }

    @Test
    void countsTopicsBeforeReadingAnySoAThousandMalformedOnesAreRefusedForTheirNumber() {
        SseEngine engine = engine(TestEngines.settings().maxTopicsPerConnection(32));
        List<String> topics = Collections.nCopies(1000, "not a topic!");

        assertThatThrownBy(() -> engine.admit(null, null, topics, null))
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST);
                            assertThat(e.getMessage()).contains("at most 32 topics");
                        });
    }

    @Test
    void aReconnectThatMissedMoreThanMaxReplayEventsIsToldOverflowAndOneAtTheBoundIsReplayed() {
        SseEngine engine = engine(TestEngines.settings().maxReplayEvents(5));
        Client client = Client.connect(engine);
        client.disconnect();
        for (int i = 0; i < 5; i++) {
            engine.publish(ServerEvent.broadcast("tick", "t" + i));
        }
        Client.Connected atBound = client.reconnect(engine);
        assertThat(atBound.opened.recovery().recovered()).isTrue();
        assertThat(atBound.transport.events()).hasSize(5);
        client.disconnect();

        engine.publish(ServerEvent.broadcast("tick", "t5"));
        for (int i = 6; i < 12; i++) {
            engine.publish(ServerEvent.broadcast("tick", "t" + i));
        }
        Client.Connected past = client.reconnect(engine);

        assertThat(past.opened.recovery().recovered()).isFalse();
        assertThat(past.opened.recovery().reason()).isEqualTo(GapReason.OVERFLOW);
        assertThat(past.transport.events()).isEmpty();
    }
}
