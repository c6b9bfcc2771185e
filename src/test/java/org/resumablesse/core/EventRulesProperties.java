package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.resumablesse.testkit.Theories.anyOf;
import static org.resumablesse.testkit.Theories.check;
import static org.resumablesse.testkit.Theories.listOf;
import static org.resumablesse.testkit.Theories.stringOf;
import static org.resumablesse.testkit.Theories.weight;
import static org.resumablesse.testkit.Theories.weighted;

import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.EventRejectedException.Reason;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class EventRulesProperties {

    @Test
    void acceptsANameExactlyWhenItIsInTheAllowedSetAndNotReserved() {
        check(
                1000,
                candidateNames(),
                name -> {
                    boolean allowed =
                            name.matches("[A-Za-z0-9._:-]{1,64}")
                                    && !List.of("connected", "open", "error").contains(name);

                    EventRejectedException refused =
                            catchThrowableOfType(
                                    EventRejectedException.class, () -> EventRules.checkName(name));

                    if (allowed) {
                        assertThat(refused).isNull();
                    } else {
                        assertThat(refused).isNotNull();
                        assertThat(refused.reason()).isEqualTo(Reason.INVALID_NAME);
                    }
                });
    }

    @Test
    void eventsUpToTheSizeLimitAreDeliveredAtTheirComputedSizeAndLargerOnesRefused() {
        check(
                500,
                TextGenerators.validNames(),
                bigData(),
                Generate.range(EngineSettings.MIN_EVENT_BYTES, 2048),
                (name, data, limit) ->
                        withEngine(
                                TestEngines.settings().maxEventBytes(limit).build(),
                                engine -> {
                                    RecordingTransport client = new RecordingTransport();
                                    TestEngines.connect(engine, client);
                                    long size = EventFrameEncoder.eventSize(name, data);

                                    EventRejectedException refused =
                                            catchThrowableOfType(
                                                    EventRejectedException.class,
                                                    () ->
                                                            engine.publish(
                                                                    ServerEvent.broadcast(
                                                                            name, data)));

                                    if (size <= limit) {
                                        assertThat(refused).isNull();
                                        EventFrame delivered =
                                                client.frames().get(client.frames().size() - 1);
                                        assertThat(delivered.size()).isEqualTo(size);
                                    } else {
                                        assertThat(refused).isNotNull();
                                        assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
                                        assertThat(refused.getMessage())
                                                .doesNotContain(data)
                                                .contains("max-event-size");
                                        assertThat(client.frames()).hasSize(1);
                                    }
                                }));
    }

    @Test
    void dataWithAnUnpairedSurrogateIsRefusedAndLeavesNoTrace() {
        check(
                500,
                TextGenerators.unicodeData(),
                Generate.characters(Character.MIN_SURROGATE, Character.MAX_SURROGATE),
                Generate.range(0, 400),
                (data, surrogate, at) ->
                        withEngine(
                                TestEngines.settings().build(),
                                engine -> {
                                    RecordingTransport client = new RecordingTransport();
                                    TestEngines.connect(engine, client);
                                    String broken = insertWithoutPairing(data, surrogate, at);
                                    ServerEvent event = ServerEvent.broadcast("x", broken);

                                    EventRejectedException refused =
                                            catchThrowableOfType(
                                                    EventRejectedException.class,
                                                    () -> engine.publish(event));

                                    assertThat(refused).isNotNull();
                                    assertThat(refused.reason()).isEqualTo(Reason.INVALID_DATA);
                                    assertThat(event.receipt().toCompletableFuture())
                                            .isCompletedExceptionally();
                                    assertThat(engine.stats().eventsRetained()).isZero();
                                    assertThat(client.frames()).hasSize(1);
                                    assertThatCode(
                                                    () ->
                                                            engine.publish(
                                                                    ServerEvent.broadcast(
                                                                            "x", data)))
                                            .doesNotThrowAnyException();
                                }));
    }

    @Test
    void aRefusedNameOrAudienceLeavesNoTraceAndTheNextEventGetsTheNextId() {
        check(
                500,
                badEvents(),
                bad ->
                        withEngine(
                                TestEngines.settings().build(),
                                engine -> {
                                    RecordingTransport client = new RecordingTransport();
                                    TestEngines.connect(engine, client, "news");
                                    String first =
                                            engine.publish(ServerEvent.broadcast("before", "1"));

                                    EventRejectedException refused =
                                            catchThrowableOfType(
                                                    EventRejectedException.class,
                                                    () -> engine.publish(bad));

                                    assertThat(refused).isNotNull();
                                    assertThat(refused.reason())
                                            .isIn(Reason.INVALID_NAME, Reason.INVALID_AUDIENCE);
                                    assertThat(bad.receipt().toCompletableFuture())
                                            .isCompletedExceptionally();
                                    String next =
                                            engine.publish(ServerEvent.broadcast("after", "2"));
                                    assertThat(Cursor.parse(next).orElseThrow().sequence())
                                            .isEqualTo(
                                                    Cursor.parse(first).orElseThrow().sequence()
                                                            + 1);
                                    assertThat(client.events())
                                            .extracting(WhatwgEventStreamParser.Event::type)
                                            .containsExactly("before", "after");
                                }));
    }

    /** A fresh engine for one example, closed after it whatever the outcome. */
    private static void withEngine(EngineSettings settings, Consumer<SseEngine> example) {
        SseEngine engine = TestEngines.started(settings, new MutableClock(0));
        try {
            example.accept(engine);
        } finally {
            engine.close();
        }
    }

    private static String insertWithoutPairing(String data, char surrogate, int at) {
        int index = Math.min(at, data.length());
        // Never split a pair in the original, never complete one with the inserted half.
        while (index > 0 && index < data.length() && Character.isLowSurrogate(data.charAt(index))) {
            index--;
        }
        String before = data.substring(0, index);
        String after = data.substring(index);
        if (Character.isHighSurrogate(surrogate)) {
            return before + surrogate + "x" + after;
        }
        return before + "x" + surrogate + after;
    }

    private static Gen<String> bigData() {
        return Generate.oneOf(
                TextGenerators.unicodeData(),
                stringOf(Generate.characters('a', 'z'), 100, 2100),
                Generate.range(0, 700).map(n -> "\u20ac".repeat(n)),
                Generate.range(0, 1100).map(n -> "\n".repeat(n)));
    }

    private static Gen<String> candidateNames() {
        Gen<Character> anyChar =
                weighted(
                        weight(8, stringOfOne(TextGenerators.NAME_CHARS)),
                        weight(2, stringOfOne("\r\n\0 /{\"\u00e9\u00a0\u2028\ufeff\t=\u0130")));
        Gen<String> mixed =
                listOf(anyChar, 0, 70)
                        .map(
                                chars ->
                                        chars.stream()
                                                .map(String::valueOf)
                                                .reduce("", String::concat));
        Gen<String> nearLimit = stringOf("aZ9._:-", 62, 66);
        Gen<String> reserved =
                anyOf(
                        "connected",
                        "open",
                        "error",
                        "Open",
                        "ERROR",
                        "connected ",
                        "message",
                        "connected\n",
                        "error\r",
                        "open\0");
        // Few weights on the ten fixed names: a repeated example is skipped, not run again.
        return weighted(weight(10, mixed), weight(10, nearLimit), weight(1, reserved));
    }

    private static Gen<Character> stringOfOne(String chars) {
        return anyOf(chars.chars().mapToObj(c -> (char) c).toArray(Character[]::new));
    }

    /** Events the rules refuse: a bad name, or a good name for an audience that cannot exist. */
    private static Gen<ServerEvent> badEvents() {
        Gen<ServerEvent> badName =
                candidateNames()
                        .assuming(
                                name ->
                                        !name.matches("[A-Za-z0-9._:-]{1,64}")
                                                || EventRules.RESERVED_NAMES.contains(name))
                        .map(name -> ServerEvent.broadcast(name, "data"));
        Gen<ServerEvent> badAudience =
                badAudiences()
                        .zip(
                                TextGenerators.validNames(),
                                (audience, name) -> new ServerEvent(audience, name, "data"));
        return Generate.oneOf(badName, badAudience);
    }

    /** The known bad keys, and keys made bad by length or by one character out of place. */
    private static Gen<Audience> badAudiences() {
        Gen<Audience> known =
                anyOf(
                        Audience.topic(""),
                        Audience.topic("with space"),
                        Audience.topic("news\r\nevent: x"),
                        Audience.topic("t".repeat(129)),
                        Audience.session("short"),
                        Audience.session("not a well formed id!!"),
                        Audience.session("a".repeat(43)),
                        Audience.user(""),
                        Audience.user("line\nbreak"),
                        Audience.user("nul\0"),
                        Audience.user("u".repeat(257)),
                        new Audience(Audience.Kind.BROADCAST, "key"));
        String topicChars = "abcXYZ019._:/-";
        String tokenChars = "ABCxyz019-_";
        Gen<Character> notTopic = stringOfOne(" \r\n\0\t?#&=\u00e9\u2028\ufeff\\");
        Gen<Audience> topicWithStrayChar =
                stringOf(topicChars, 0, 60)
                        .zip(notTopic, Generate.range(0, 60), (t, c, at) -> insert(t, c, at))
                        .map(Audience::topic);
        Gen<Audience> longTopic = stringOf(topicChars, 129, 300).map(Audience::topic);
        Gen<Audience> sessionOfWrongLength =
                stringOf(tokenChars, 0, 60)
                        .assuming(id -> id.length() != 22)
                        .map(Audience::session);
        Gen<Audience> sessionWithStrayChar =
                stringOf(tokenChars, 21, 21)
                        .zip(
                                stringOfOne("+/=. \n\0\u00e9"),
                                Generate.range(0, 21),
                                (id, c, at) -> insert(id, c, at))
                        .map(Audience::session);
        Gen<Audience> userWithControl =
                stringOf("ab c@.\u00e9", 0, 40)
                        .zip(
                                Generate.characters(0, 0x1f).mix(Generate.characters(0x7f, 0x9f)),
                                Generate.range(0, 40),
                                (u, c, at) -> insert(u, c, at))
                        .map(Audience::user);
        Gen<Audience> longUser = stringOf("user", 257, 400).map(Audience::user);
        Gen<Audience> keyedBroadcast =
                stringOf(topicChars, 1, 20).map(k -> new Audience(Audience.Kind.BROADCAST, k));
        return weighted(
                weight(3, known),
                weight(2, topicWithStrayChar),
                weight(1, longTopic),
                weight(1, sessionOfWrongLength),
                weight(2, sessionWithStrayChar),
                weight(2, userWithControl),
                weight(1, longUser),
                weight(1, keyedBroadcast));
    }

    private static String insert(String text, char c, int at) {
        int index = Math.min(at, text.length());
        return text.substring(0, index) + c + text.substring(index);
    }
}
