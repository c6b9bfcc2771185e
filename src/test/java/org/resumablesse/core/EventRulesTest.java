package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.EventRejectedException.Reason;
import org.resumablesse.ServerEvent;

class EventRulesTest {

    @ParameterizedTest
    @ValueSource(strings = {"connected", "open", "error"})
    void refusesNamesTheProtocolOrEventSourceUses(String name) {
        assertThatThrownBy(() -> EventRules.checkName(name))
                .isInstanceOfSatisfying(
                        EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_NAME))
                .hasMessageContaining("reserved");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "a b", "x\nretry: 1", "x\r", "x\u0000", "caf\u00e9", "a/b"})
    void refusesNamesOutsideTheAllowedSet(String name) {
        assertThatThrownBy(() -> EventRules.checkName(name))
                .isInstanceOf(EventRejectedException.class)
                .hasMessageNotContaining("\n")
                .hasMessageNotContaining("\r");
    }

    @Test
    void acceptsNamesUpTo64AllowedCharacters() {
        assertThatCode(() -> EventRules.checkName("message")).doesNotThrowAnyException();
        assertThatCode(() -> EventRules.checkName("a.B_9:-".repeat(9) + "x"))
                .doesNotThrowAnyException();
        assertThatCode(() -> EventRules.checkName("n".repeat(64))).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventRules.checkName("n".repeat(65)))
                .isInstanceOf(EventRejectedException.class);
    }

    @Test
    void acceptsEachKindOfWellFormedAudience() {
        String sessionId = new SessionIds(new SecureRandom()).newSessionId();

        for (Audience audience :
                new Audience[] {
                    Audience.everyone(),
                    Audience.session(sessionId),
                    Audience.user("alice@example.org"),
                    Audience.topic("news/sport:eu-1.2_x")
                }) {
            assertThatCode(() -> EventRules.check(new ServerEvent(audience, "x", "d"), 65_536))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void refusesAnAudienceThatCannotBeFollowed() {
        assertThatThrownBy(
                        () -> EventRules.check(ServerEvent.toTopic("has space", "x", "d"), 65_536))
                .isInstanceOfSatisfying(
                        EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_AUDIENCE));
    }

    @Test
    void acceptsAnEventOfExactlyTheLimitAndRefusesOneByteMore() {
        ServerEvent event = ServerEvent.broadcast("x", "d".repeat(200));
        long size = EventFrameEncoder.eventSize("x", event.data());

        assertThatCode(() -> EventRules.check(event, size)).doesNotThrowAnyException();
        assertThatThrownBy(() -> EventRules.check(event, size - 1))
                .isInstanceOf(EventRejectedException.class);
    }

    @Test
    void acceptsAUserNameOfUpTo256Characters() {
        assertThatCode(
                        () ->
                                EventRules.check(
                                        ServerEvent.toUser("u".repeat(256), "x", "d"), 65_536))
                .doesNotThrowAnyException();
        assertThatThrownBy(
                        () ->
                                EventRules.check(
                                        ServerEvent.toUser("u".repeat(257), "x", "d"), 65_536))
                .isInstanceOf(EventRejectedException.class);
    }

    @Test
    void quotesARefusedNameShortenedWithControlCharactersEscaped() {
        String name = "line\nbreak" + "n".repeat(100);

        assertThatThrownBy(() -> EventRules.checkName(name))
                .hasMessageEndingWith("'line\\u000abreak" + "n".repeat(70) + "...'");
        assertThatThrownBy(() -> EventRules.checkName("x y")).hasMessageEndingWith("got 'x y'");
        assertThatThrownBy(() -> EventRules.checkName(null)).hasMessageEndingWith("got null");
    }

    @Test
    void refusesDataEndingInAHighSurrogateOrHoldingALoneLowOne() {
        for (String data : new String[] {"ok\ud83d", "\ude00ok", "a\ud83d\ude00\ude00"}) {
            assertThatThrownBy(() -> EventRules.check(ServerEvent.broadcast("x", data), 65_536))
                    .isInstanceOfSatisfying(
                            EventRejectedException.class,
                            e -> assertThat(e.reason()).isEqualTo(Reason.INVALID_DATA));
        }
        assertThatCode(
                        () ->
                                EventRules.check(
                                        ServerEvent.broadcast("x", "\ud83d\ude00\ud83d\ude00"),
                                        65_536))
                .doesNotThrowAnyException();
    }

    @Test
    void tellsTheDeveloperTheSizeWithoutQuotingTheData() {
        String secret = "s3cr3t-".repeat(100);

        assertThatThrownBy(() -> EventRules.check(ServerEvent.broadcast("x", secret), 256))
                .isInstanceOfSatisfying(
                        EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.TOO_LARGE))
                .hasMessageNotContaining("s3cr3t")
                .hasMessageContaining("max-event-size");
    }

    @Test
    void refusesAnEventWhenTheEngineIsNotRunning() {
        SseEngine engine =
                SseEngine.inMemory(
                        TestEngines.settings().build(),
                        new MutableClock(0),
                        TestEngines.DIRECT,
                        EngineMetrics.NONE);
        ServerEvent event = ServerEvent.broadcast("x", "d");

        assertThatThrownBy(() -> engine.publish(event))
                .isInstanceOfSatisfying(
                        EventRejectedException.class,
                        e -> assertThat(e.reason()).isEqualTo(Reason.NOT_RUNNING));
        assertThat(event.receipt().toCompletableFuture()).isCompletedExceptionally();
    }

    @Test
    void completesTheReceiptWithTheIdOfAStoredEvent() {
        SseEngine engine = TestEngines.started(TestEngines.settings().build(), new MutableClock(0));
        ServerEvent event = ServerEvent.broadcast("x", "d");

        String id = engine.publish(event);

        assertThat(event.receipt().toCompletableFuture()).isCompletedWithValue(id);
        engine.close();
    }
}
