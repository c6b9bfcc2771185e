package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;
import org.resumablesse.core.ConnectionRefusedException.Reason;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class SessionsTest {

    private final MutableClock clock = new MutableClock(5_000);
    private final List<SseEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(SseEngine::close);
    }

    private SseEngine engine(EngineSettings.Builder settings) {
        SseEngine engine = TestEngines.started(settings.build(), clock);
        engines.add(engine);
        return engine;
    }

    @Test
    void issuesTokensOf256BitsFromTheGivenSecureRandomAsUnpaddedBase64Url() {
        List<byte[]> drawn = new ArrayList<>();
        SecureRandom recording =
                new SecureRandom() {
                    @Override
                    public void nextBytes(byte[] bytes) {
                        super.nextBytes(bytes);
                        drawn.add(bytes.clone());
                    }
                };
        SessionIds ids = new SessionIds(recording);

        String token = ids.newToken();

        assertThat(token).hasSize(43).matches("[A-Za-z0-9_-]{43}");
        assertThat(Base64.getUrlDecoder().decode(token)).hasSize(32).isEqualTo(drawn.get(0));
        assertThat(SessionIds.isWellFormedToken(token)).isTrue();
    }

    @Test
    void issuesPublicIdsOf128BitsThatAreNotTheToken() {
        SseEngine engine = engine(TestEngines.settings());

        Admission admission = engine.admit(null, null, List.of(), null);
        String id = admission.session().id();

        assertThat(id).hasSize(22).matches("[A-Za-z0-9_-]{22}");
        assertThat(Base64.getUrlDecoder().decode(id)).hasSize(16);
        assertThat(admission.token()).isNotEqualTo(id).doesNotContain(id);
        assertThat(SessionIds.hash(admission.token())).isNotEqualTo(id);
    }

    @Test
    void neverIssuesTheSameTokenOrIdTwice() {
        SessionIds ids = new SessionIds(new SecureRandom());
        Set<String> seen = new HashSet<>();

        for (int i = 0; i < 5_000; i++) {
            assertThat(seen.add(ids.newToken())).isTrue();
            assertThat(seen.add(ids.newSessionId())).isTrue();
        }
    }

    @Test
    void keepsTheTokenOutOfTheWireAndEveryToString() {
        SseEngine engine = engine(TestEngines.settings());
        Admission admission = engine.admit(null, null, List.of("news"), "alice");
        RecordingTransport transport = new RecordingTransport();
        SseEngine.Opened opened = engine.open(admission, transport);
        engine.publish(ServerEvent.toSession(admission.session().id(), "private", "x"));
        String token = admission.token();
        String hash = SessionIds.hash(token);

        assertThat(transport.text())
                .contains(admission.session().id())
                .doesNotContain(token)
                .doesNotContain(hash);
        for (Object shown :
                List.of(
                        admission,
                        admission.session(),
                        opened,
                        opened.recovery(),
                        engine.session(admission.session().id()).orElseThrow())) {
            assertThat(shown.toString()).doesNotContain(token).doesNotContain(hash);
        }
    }

    @Test
    void resumesTheSessionItsTokenNames() {
        SseEngine engine = engine(TestEngines.settings());
        Client client = Client.connect(engine);
        client.disconnect();

        Admission again = engine.admit(client.token, null, List.of(), null);

        assertThat(again.newSession()).isFalse();
        assertThat(again.session().id()).isEqualTo(client.sessionId);
        assertThat(again.token()).isEqualTo(client.token);
    }

    @Test
    void issuesANewSessionForATokenItNeverIssuedAndSaysSoInConnected() {
        SseEngine engine = engine(TestEngines.settings());
        Client client = Client.connect(engine);
        String forged = new SessionIds(new SecureRandom()).newToken();

        Admission admission = engine.admit(forged, client.lastEventId(), List.of(), null);
        RecordingTransport transport = new RecordingTransport();
        engine.open(admission, transport);

        assertThat(admission.newSession()).isTrue();
        assertThat(admission.token()).isNotEqualTo(forged);
        assertThat(admission.session().id()).isNotEqualTo(client.sessionId);
        assertThat(ConnectedEvent.of(transport).recovered()).isTrue();
        assertThat(ConnectedEvent.saysNewSession(transport)).isTrue();
    }

    @Test
    void refusesANewSessionBeyondMaxSessionsUntilOneExpires() {
        SseEngine engine =
                engine(TestEngines.settings().maxSessions(2).bufferTtl(Duration.ofSeconds(10)));
        Client first = Client.connect(engine);
        Client second = Client.connect(engine);

        assertThatThrownBy(() -> engine.admit(null, null, List.of(), null))
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_SESSIONS));
        assertThat(engine.admit(second.token, null, List.of(), null).newSession()).isFalse();

        first.disconnect();
        clock.advance(Duration.ofSeconds(10));
        engine.expire();

        assertThat(engine.admit(null, null, List.of(), null).newSession()).isTrue();
    }

    @Test
    void refusesAConnectionBeyondMaxConnectionsPerSessionUntilOneCloses() {
        SseEngine engine = engine(TestEngines.settings().maxConnectionsPerSession(2));
        Client client = Client.connect(engine);
        Admission second = engine.admit(client.token, null, List.of(), null);

        assertThatThrownBy(() -> engine.admit(client.token, null, List.of(), null))
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_MANY_CONNECTIONS));

        engine.cancel(second);
        Admission third = engine.admit(client.token, null, List.of(), null);
        assertThat(third.session().id()).isEqualTo(client.sessionId);

        assertThatThrownBy(() -> engine.admit(client.token, null, List.of(), null))
                .isInstanceOf(ConnectionRefusedException.class);
        client.disconnect();
        assertThat(engine.admit(client.token, null, List.of(), null).newSession()).isFalse();
    }

    @Test
    void refusesMalformedTopicsAndTooManyTopics() {
        SseEngine engine = engine(TestEngines.settings().maxTopicsPerConnection(2));

        for (List<String> topics :
                List.of(
                        List.of("has space"),
                        List.of(""),
                        List.of("news\r\nevent: x"),
                        List.of("t".repeat(129)),
                        List.of("a", "b", "c"))) {
            assertThatThrownBy(() -> engine.admit(null, null, topics, null))
                    .as("%s", topics)
                    .isInstanceOfSatisfying(
                            ConnectionRefusedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.BAD_REQUEST));
        }
        assertThat(engine.sessionCount()).isZero();
        assertThat(engine.admit(null, null, List.of("a", "b/c:d"), null).streams()).hasSize(4);
    }

    @Test
    void refusesEveryoneWhenNotRunning() {
        SseEngine engine = engine(TestEngines.settings());
        engine.close();

        assertThatThrownBy(() -> engine.admit(null, null, List.of(), null))
                .isInstanceOfSatisfying(
                        ConnectionRefusedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_RUNNING));
    }

    @Test
    void withReconnectionDisabledIssuesNoSessionIgnoresCursorsAndStillDelivers() {
        SseEngine engine = engine(TestEngines.settings().reconnectionEnabled(false));
        String someId = engine.publish(ServerEvent.broadcast("before", "0"));

        Admission admission = engine.admit(null, someId, List.of(), null);
        RecordingTransport transport = new RecordingTransport();
        engine.open(admission, transport);
        engine.publish(ServerEvent.broadcast("after", "1"));

        assertThat(admission.session()).isNull();
        assertThat(admission.token()).isNull();
        assertThat(ConnectedEvent.of(transport))
                .isEqualTo(new ConnectedEvent(null, false, false, null, 0));
        assertThat(transport.events())
                .extracting(WhatwgEventStreamParser.Event::type)
                .containsExactly("after");
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void statsCountOpenConnectionsAndSessionsWithAndWithoutOne() {
        SseEngine engine = engine(TestEngines.settings());
        Client.connect(engine);
        Client twoTabs = Client.connect(engine);
        twoTabs.reconnect(engine);
        Client away = Client.connect(engine);
        away.disconnect();

        EngineStats stats = engine.stats();

        assertThat(stats.openConnections()).isEqualTo(3);
        assertThat(stats.sessionsConnected()).isEqualTo(2);
        assertThat(stats.sessionsDisconnected()).isEqualTo(1);
        assertThat(engine.sessionCount()).isEqualTo(3);
    }
}
