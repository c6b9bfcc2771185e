package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * A replay longer than one write's bound is written in several, and not taken for a slow client.
 */
class LargeReplayTest {

    @Test
    void keepsClientWhoseReplayIsLongerThanTheQueueLimit() {
        EngineSettings settings =
                TestEngines.settings().bufferSize(100).maxPendingBytes(1024).build();
        ManualExecutor delivery = new ManualExecutor();
        SseEngine engine =
                TestEngines.started(
                        settings,
                        new InMemoryEventStore(100, new SecureRandom()),
                        Clock.systemUTC(),
                        delivery);
        RecordingTransport first = new RecordingTransport();
        Admission firstAdmission = engine.admit(null, null, List.of(), null);
        SseEngine.Opened opened = engine.open(firstAdmission, first);
        delivery.runAll();
        String cursor = opened.recovery().position().format();
        first.disconnect();
        engine.heartbeat();
        delivery.runAll();

        for (int i = 0; i < 20; i++) {
            engine.publish(ServerEvent.broadcast("missed", "m" + i));
        }
        RecordingTransport second = new RecordingTransport();
        Admission admission = engine.admit(firstAdmission.token(), cursor, List.of(), null);
        SseEngine.Opened reopened = engine.open(admission, second);
        for (int i = 0; i < 3; i++) {
            engine.publish(ServerEvent.broadcast("live", "l" + i));
        }
        delivery.runAll();

        assertThat(reopened.recovery().recovered()).isTrue();
        assertThat(reopened.recovery().replayed()).isEqualTo(20);
        assertThat(reopened.connection().isOpen()).isTrue();
        assertThat(second.events()).extracting(WhatwgEventStreamParser.Event::type).hasSize(23);
    }
}
