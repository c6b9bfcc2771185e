package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * Token rotation (when an anonymous session's client signs in, and on demand) and the binding of a
 * session to its principal and client: the legitimate client keeps its session and its events, a
 * holder of the old token or another principal never reaches them.
 */
class TokenRotationTest {

    private final MutableClock clock = new MutableClock(5_000);
    private final List<SseEngine> engines = new ArrayList<>();

    @AfterEach
    void closeEngines() {
        engines.forEach(SseEngine::close);
    }

    private SseEngine engine() {
        SseEngine engine =
                TestEngines.started(
                        TestEngines.settings().bufferTtl(Duration.ofSeconds(10)).build(), clock);
        engines.add(engine);
        return engine;
    }

    private static RecordingTransport open(SseEngine engine, Admission admission) {
        RecordingTransport transport = new RecordingTransport();
        engine.open(admission, transport);
        return transport;
    }

    private static List<String> names(RecordingTransport transport) {
        return transport.events().stream().map(WhatwgEventStreamParser.Event::type).toList();
    }

    @Test
    void anAnonymousSessionPresentedWithAPrincipalKeepsItsIdAndEventsUnderANewToken() {
        SseEngine engine = engine();
        Admission anonymous = engine.admit(null, null, List.of(), null);
        RecordingTransport first = open(engine, anonymous);
        String id = anonymous.session().id();
        engine.publish(ServerEvent.toSession(id, "seen", "1"));
        String cursor = first.parsed().lastEventId();
        engine.publish(ServerEvent.toSession(id, "missed", "2"));

        Admission signedIn = engine.admit(anonymous.token(), cursor, List.of(), "alice");
        RecordingTransport back = open(engine, signedIn);

        assertThat(signedIn.newSession()).isFalse();
        assertThat(signedIn.session().id()).isEqualTo(id);
        assertThat(signedIn.token()).isNotEqualTo(anonymous.token());
        assertThat(ConnectedEvent.of(back).recovered()).isTrue();
        assertThat(names(back)).containsExactly("missed");
        assertThat(first.closeCount())
                .as("the anonymous connection is closed, so the old token's holder stops")
                .isEqualTo(1);
    }

    @Test
    void afterASignInTheOldTokenNoLongerResumesTheSessionAndTheNewOneDoes() {
        SseEngine engine = engine();
        Admission anonymous = engine.admit(null, null, List.of(), null);
        String id = anonymous.session().id();
        Admission signedIn = engine.admit(anonymous.token(), null, List.of(), "alice");

        Admission oldTokenAnonymous = engine.admit(anonymous.token(), null, List.of(), null);
        Admission oldTokenAlice = engine.admit(anonymous.token(), null, List.of(), "alice");
        Admission newToken = engine.admit(signedIn.token(), null, List.of(), "alice");

        assertThat(oldTokenAnonymous.newSession()).isTrue();
        assertThat(oldTokenAnonymous.session().id()).isNotEqualTo(id);
        assertThat(oldTokenAlice.newSession()).isTrue();
        assertThat(oldTokenAlice.session().id()).isNotEqualTo(id);
        assertThat(newToken.newSession()).isFalse();
        assertThat(newToken.session().id()).isEqualTo(id);
        assertThat(newToken.token())
                .as("no rotation when nothing changed")
                .isEqualTo(signedIn.token());
    }

    @Test
    void anotherPrincipalOrAnAnonymousRequestNeverResumesAUsersSession() {
        SseEngine engine = engine();
        Admission alice = engine.admit(null, null, List.of(), "alice");
        String id = alice.session().id();
        engine.publish(ServerEvent.toSession(id, "private", "for alice"));

        for (String other : new String[] {"bob", null}) {
            Admission admission = engine.admit(alice.token(), "0", List.of(), other);
            RecordingTransport transport = open(engine, admission);

            assertThat(admission.newSession()).as("%s", other).isTrue();
            assertThat(admission.session().id()).isNotEqualTo(id);
            assertThat(ConnectedEvent.saysNewSession(transport)).isTrue();
            assertThat(names(transport)).doesNotContain("private");
        }
        assertThat(engine.admit(alice.token(), null, List.of(), "alice").session().id())
                .as("alice's own token still resumes it for her")
                .isEqualTo(id);
    }

    @Test
    void aTokenPresentedWithAnotherBindingGetsANewSession() {
        SseEngine engine = engine();
        Admission bound = engine.admit(null, null, List.of(), null, "ua:Firefox", null);
        String id = bound.session().id();

        Admission elsewhere = engine.admit(bound.token(), null, List.of(), null, "ua:curl", null);
        Admission same = engine.admit(bound.token(), null, List.of(), null, "ua:Firefox", null);

        assertThat(elsewhere.newSession()).isTrue();
        assertThat(elsewhere.session().id()).isNotEqualTo(id);
        assertThat(same.newSession()).isFalse();
        assertThat(same.session().id()).isEqualTo(id);
    }

    @Test
    void rotationOnDemandRetiresTheOldTokenKeepsTheEventsAndClosesTheOpenConnections() {
        SseEngine engine = engine();
        Admission admission = engine.admit(null, null, List.of(), null);
        RecordingTransport open = open(engine, admission);
        String id = admission.session().id();
        engine.publish(ServerEvent.toSession(id, "seen", "1"));
        String cursor = open.parsed().lastEventId();

        String rotated = engine.rotateToken(id, null, "").orElseThrow();
        engine.publish(ServerEvent.toSession(id, "after", "2"));

        assertThat(open.closeCount()).isEqualTo(1);
        assertThat(rotated).isNotEqualTo(admission.token());
        assertThat(SessionIds.isWellFormedToken(rotated)).isTrue();
        Admission old = engine.admit(admission.token(), cursor, List.of(), null);
        assertThat(old.newSession()).isTrue();
        assertThat(old.session().id()).isNotEqualTo(id);
        assertThat(names(open(engine, old))).doesNotContain("after");
        Admission back = engine.admit(rotated, cursor, List.of(), null);
        RecordingTransport resumed = open(engine, back);
        assertThat(back.session().id()).isEqualTo(id);
        assertThat(ConnectedEvent.of(resumed).recovered()).isTrue();
        assertThat(names(resumed)).containsExactly("after");
    }

    @Test
    void rotationOnDemandOfAnUnknownOrExpiredSessionGivesNothing() {
        SseEngine engine = engine();
        Admission admission = engine.admit(null, null, List.of(), null);
        String id = admission.session().id();
        engine.cancel(admission);
        clock.advance(Duration.ofSeconds(10));
        engine.expire();

        assertThat(engine.rotateToken(id, null, "")).isEmpty();
        assertThat(engine.rotateToken("not-an-id", null, "")).isEmpty();
        assertThat(engine.rotateToken(null, null, "")).isEmpty();
    }

    @Test
    void aSignInRacingTheSessionsExpiryGetsANewSessionAndHoldsNoSlotOfTheOldOne() {
        SseEngine engine = engine();
        Admission anonymous = engine.admit(null, null, List.of(), null);
        engine.cancel(anonymous);
        clock.advance(Duration.ofSeconds(10));
        engine.expire();

        Admission signedIn = engine.admit(anonymous.token(), null, List.of(), "alice");

        assertThat(signedIn.newSession()).isTrue();
        assertThat(engine.sessionCount()).isEqualTo(1);
    }
}
