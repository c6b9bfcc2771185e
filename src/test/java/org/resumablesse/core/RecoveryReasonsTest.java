package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

/** One example per answer a reconnecting client can get; ReplayProperties checks them all. */
class RecoveryReasonsTest {

    private final MutableClock clock = new MutableClock(0);
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final SseEngine engine =
            TestEngines.started(
                    TestEngines.settings().bufferSize(3).bufferTtl(Duration.ofSeconds(30)).build(),
                    new InMemoryEventStore(3, new SecureRandom()),
                    clock,
                    TestEngines.DIRECT,
                    metrics);
    private final Client client = Client.connect(engine, "news");

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    private RecordingTransport reconnect(String token, String cursor) {
        client.disconnect();
        RecordingTransport transport = new RecordingTransport();
        engine.open(engine.admit(token, cursor, List.of("news"), null), transport);
        return transport;
    }

    @Test
    void replaysExactlyTheMissedEventsOfTheFollowedStreams() {
        String cursor = client.lastEventId();
        client.disconnect();
        engine.publish(ServerEvent.broadcast("b", "1"));
        engine.publish(ServerEvent.toTopic("sport", "s", "2"));
        engine.publish(ServerEvent.toTopic("news", "n", "3"));
        engine.publish(ServerEvent.toSession(client.sessionId, "p", "4"));

        RecordingTransport back = reconnect(client.token, cursor);

        assertThat(ConnectedEvent.of(back))
                .isEqualTo(new ConnectedEvent(client.sessionId, true, true, null, 3));
        assertThat(back.events()).extracting(Event::data).containsExactly("1", "3", "4");
        assertThat(back.parsed().events().get(0).lastEventId()).isEqualTo(cursor);
    }

    @Test
    void reportsAnOverflowWhenAFollowedStreamDroppedAMissedEvent() {
        String cursor = client.lastEventId();
        client.disconnect();
        for (int i = 0; i < 4; i++) {
            engine.publish(ServerEvent.toTopic("news", "n", "" + i));
        }

        RecordingTransport back = reconnect(client.token, cursor);

        assertThat(ConnectedEvent.of(back).reason()).isEqualTo("overflow");
        assertThat(back.events()).isEmpty();
        assertThat(back.parsed().lastEventId())
                .isEqualTo(Cursor.format(Cursor.parse(cursor).orElseThrow().epoch(), 4));
        assertThat(metrics.gaps).containsExactly(GapReason.OVERFLOW);
    }

    @Test
    void reportsAnUnknownEpochForACursorOfAnotherStoreGeneration() {
        RecordingTransport back = reconnect(client.token, "00000000deadbeef-0000000000000000000");

        assertThat(ConnectedEvent.of(back).reason()).isEqualTo("unknown-epoch");
        assertThat(metrics.gaps).containsExactly(GapReason.UNKNOWN_EPOCH);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "garbage",
                "-1",
                "0123456789abcdef-9999999999999999999",
                "0123456789abcdef-000000000000000001\u0000"
            })
    void reportsAMalformedCursorAsInvalid(String cursor) {
        RecordingTransport back = reconnect(client.token, cursor);

        assertThat(ConnectedEvent.of(back).reason()).isEqualTo("invalid");
        assertThat(metrics.gaps).containsExactly(GapReason.INVALID);
    }

    @Test
    void reportsACursorFromTheFutureAsInvalid() {
        String now = client.lastEventId();
        String future = Cursor.format(Cursor.parse(now).orElseThrow().epoch(), 1);

        RecordingTransport back = reconnect(client.token, future);

        assertThat(ConnectedEvent.of(back).reason()).isEqualTo("invalid");
        assertThat(metrics.gaps).containsExactly(GapReason.INVALID);
    }

    @Test
    void reportsAnOverflowToACursorWithoutASessionWhenAPublicStreamDroppedAMissedEvent() {
        String cursor = client.lastEventId();
        client.disconnect();
        for (int i = 0; i < 4; i++) {
            engine.publish(ServerEvent.broadcast("b", "" + i));
        }

        RecordingTransport back = reconnect(null, cursor);

        assertThat(ConnectedEvent.of(back).reason()).isEqualTo("overflow");
        assertThat(ConnectedEvent.saysNewSession(back)).isTrue();
        assertThat(back.events()).isEmpty();
        assertThat(metrics.sessionsReplaced).hasValue(1);
        assertThat(metrics.gaps).containsExactly(GapReason.OVERFLOW);
    }

    @Test
    void countsEveryReconnectWithACursorAndHowManyEventsItsReplayHeld() {
        String cursor = client.lastEventId();
        client.disconnect();
        engine.publish(ServerEvent.toTopic("news", "n", "1"));
        engine.publish(ServerEvent.broadcast("b", "2"));
        assertThat(metrics.reconnected).as("a first connect is not a reconnect").hasValue(0);

        reconnect(client.token, cursor);
        reconnect(client.token, "garbage");

        assertThat(metrics.reconnected).hasValue(2);
        assertThat(metrics.replayed).as("only a recovered reconnect replays").containsExactly(2);
        assertThat(metrics.gaps).containsExactly(GapReason.INVALID);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  "})
    void takesABlankCursorForNone(String blank) {
        RecordingTransport back = reconnect(client.token, blank);

        assertThat(ConnectedEvent.of(back))
                .isEqualTo(new ConnectedEvent(client.sessionId, false, false, null, 0));
        assertThat(metrics.gaps).isEmpty();
    }
}
