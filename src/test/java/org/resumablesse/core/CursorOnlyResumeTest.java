package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

/**
 * A client that brings a cursor but no session token (curl, a server-side consumer, a browser that
 * lost its cookie) recovers every stream that is not private to a session, and is told that its
 * session is new.
 */
class CursorOnlyResumeTest {

    private final MutableClock clock = new MutableClock(0);
    private final SseEngine engine =
            TestEngines.started(
                    TestEngines.settings().bufferSize(10).bufferTtl(Duration.ofSeconds(30)).build(),
                    clock);

    @AfterEach
    void closeEngine() {
        engine.close();
    }

    private RecordingTransport resume(String cursor, String user, String... topics) {
        RecordingTransport transport = new RecordingTransport();
        engine.open(engine.admit(null, cursor, List.of(topics), user), transport);
        return transport;
    }

    @Test
    void recoversMissedBroadcastAndTopicEventsExactlyWithoutAToken() {
        Client client = Client.connect(engine, "news");
        String cursor = client.lastEventId();
        client.disconnect();
        engine.publish(ServerEvent.broadcast("b", "1"));
        engine.publish(ServerEvent.toTopic("sport", "s", "2"));
        engine.publish(ServerEvent.toTopic("news", "n", "3"));
        engine.publish(ServerEvent.broadcast("b", "4"));

        RecordingTransport back = resume(cursor, null, "news");

        ConnectedEvent connected = ConnectedEvent.of(back);
        assertThat(connected.reconnection()).isTrue();
        assertThat(connected.recovered()).isTrue();
        assertThat(connected.reason()).isNull();
        assertThat(connected.replayed()).isEqualTo(3);
        assertThat(connected.sessionId()).isNotEqualTo(client.sessionId);
        assertThat(ConnectedEvent.saysNewSession(back)).isTrue();
        assertThat(back.events()).extracting(Event::data).containsExactly("1", "3", "4");
    }

    @Test
    void neverReplaysAnEventAddressedToTheEarlierSession() {
        Client client = Client.connect(engine);
        String cursor = client.lastEventId();
        client.disconnect();
        engine.publish(ServerEvent.toSession(client.sessionId, "private", "for the old session"));
        engine.publish(ServerEvent.broadcast("b", "public"));

        RecordingTransport back = resume(cursor, null);
        engine.publish(ServerEvent.toSession(client.sessionId, "private", "still the old one"));
        engine.publish(ServerEvent.broadcast("b", "live"));

        assertThat(back.events()).extracting(Event::data).containsExactly("public", "live");
        assertThat(ConnectedEvent.of(back).replayed()).isEqualTo(1);
    }

    @Test
    void recoversTheUsersStreamOnlyForTheSamePrincipal() {
        RecordingTransport first = new RecordingTransport();
        engine.open(engine.admit(null, null, List.of(), "alice"), first);
        String cursor = first.parsed().lastEventId();
        engine.publish(ServerEvent.toUser("alice", "mail", "for alice"));

        RecordingTransport alice = resume(cursor, "alice");
        RecordingTransport bob = resume(cursor, "bob");

        assertThat(alice.events()).extracting(Event::data).containsExactly("for alice");
        assertThat(bob.events()).isEmpty();
        assertThat(ConnectedEvent.of(bob).recovered()).isTrue();
    }

    @Test
    void aResumedSessionIsNotCalledNew() {
        Client client = Client.connect(engine);
        client.disconnect();

        Client.Connected back = client.reconnect(engine);

        assertThat(back.connected().recovered()).isTrue();
        assertThat(ConnectedEvent.saysNewSession(back.transport)).isFalse();
    }

    @Test
    void aFirstVisitWithoutCursorIsNotCalledNewEither() {
        RecordingTransport first = resume(null, null);

        assertThat(ConnectedEvent.of(first).reconnection()).isFalse();
        assertThat(ConnectedEvent.saysNewSession(first)).isFalse();
    }
}
