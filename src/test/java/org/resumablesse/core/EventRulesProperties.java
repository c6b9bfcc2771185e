package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.lifecycle.AfterTry;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.EventRejectedException.Reason;
import org.resumablesse.ServerEvent;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class EventRulesProperties {

    private SseEngine engine;

    @AfterTry
    void closeEngine() {
        if (engine != null) {
            engine.close();
            engine = null;
        }
    }

    @Property(tries = 1000)
    void acceptsANameExactlyWhenItIsInTheAllowedSetAndNotReserved(
            @ForAll("candidateNames") String name) {
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
    }

    @Property(tries = 500)
    void eventsUpToTheSizeLimitAreDeliveredAtTheirComputedSizeAndLargerOnesRefused(
            @ForAll("names") String name,
            @ForAll("bigData") String data,
            @ForAll @IntRange(min = EngineSettings.MIN_EVENT_BYTES, max = 2048) int limit) {
        engine =
                TestEngines.started(
                        TestEngines.settings().maxEventBytes(limit).build(), new MutableClock(0));
        RecordingTransport client = new RecordingTransport();
        TestEngines.connect(engine, client);
        long size = EventFrameEncoder.eventSize(name, data);

        EventRejectedException refused =
                catchThrowableOfType(
                        EventRejectedException.class,
                        () -> engine.publish(ServerEvent.broadcast(name, data)));

        if (size <= limit) {
            assertThat(refused).isNull();
            EventFrame delivered = client.frames().get(client.frames().size() - 1);
            assertThat(delivered.size()).isEqualTo(size);
        } else {
            assertThat(refused).isNotNull();
            assertThat(refused.reason()).isEqualTo(Reason.TOO_LARGE);
            assertThat(refused.getMessage()).doesNotContain(data).contains("max-event-size");
            assertThat(client.frames()).hasSize(1);
        }
    }

    @Property(tries = 500)
    void dataWithAnUnpairedSurrogateIsRefusedAndLeavesNoTrace(
            @ForAll("unicodeData") String data,
            @ForAll("loneSurrogates") char surrogate,
            @ForAll @IntRange(min = 0, max = 400) int at) {
        engine = TestEngines.started(TestEngines.settings().build(), new MutableClock(0));
        RecordingTransport client = new RecordingTransport();
        TestEngines.connect(engine, client);
        String broken = insertWithoutPairing(data, surrogate, at);
        ServerEvent event = ServerEvent.broadcast("x", broken);

        EventRejectedException refused =
                catchThrowableOfType(EventRejectedException.class, () -> engine.publish(event));

        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isEqualTo(Reason.INVALID_DATA);
        assertThat(event.receipt().toCompletableFuture()).isCompletedExceptionally();
        assertThat(engine.stats().eventsRetained()).isZero();
        assertThat(client.frames()).hasSize(1);
        assertThatCode(() -> engine.publish(ServerEvent.broadcast("x", data)))
                .doesNotThrowAnyException();
    }

    @Property(tries = 500)
    void aRefusedNameOrAudienceLeavesNoTraceAndTheNextEventGetsTheNextId(
            @ForAll("badEvents") ServerEvent bad) {
        engine = TestEngines.started(TestEngines.settings().build(), new MutableClock(0));
        RecordingTransport client = new RecordingTransport();
        TestEngines.connect(engine, client, "news");
        String first = engine.publish(ServerEvent.broadcast("before", "1"));

        EventRejectedException refused =
                catchThrowableOfType(EventRejectedException.class, () -> engine.publish(bad));

        assertThat(refused).isNotNull();
        assertThat(refused.reason()).isIn(Reason.INVALID_NAME, Reason.INVALID_AUDIENCE);
        assertThat(bad.receipt().toCompletableFuture()).isCompletedExceptionally();
        String next = engine.publish(ServerEvent.broadcast("after", "2"));
        assertThat(Cursor.parse(next).orElseThrow().sequence())
                .isEqualTo(Cursor.parse(first).orElseThrow().sequence() + 1);
        assertThat(client.events())
                .extracting(WhatwgEventStreamParser.Event::type)
                .containsExactly("before", "after");
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

    @Provide
    Arbitrary<String> names() {
        return TextArbitraries.validNames();
    }

    @Provide
    Arbitrary<String> unicodeData() {
        return TextArbitraries.unicodeData();
    }

    @Provide
    Arbitrary<String> bigData() {
        return Arbitraries.oneOf(
                TextArbitraries.unicodeData(),
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(100).ofMaxLength(2100),
                Arbitraries.integers().between(0, 700).map(n -> "\u20ac".repeat(n)),
                Arbitraries.integers().between(0, 1100).map(n -> "\n".repeat(n)));
    }

    @Provide
    Arbitrary<Character> loneSurrogates() {
        return Arbitraries.chars().range('\ud800', '\udfff');
    }

    @Provide
    Arbitrary<String> candidateNames() {
        Arbitrary<Character> anyChar =
                Arbitraries.frequencyOf(
                        Tuple.of(8, Arbitraries.of(TextArbitraries.NAME_CHARS.toCharArray())),
                        Tuple.of(
                                2,
                                Arbitraries.of(
                                        '\r', '\n', '\0', ' ', '/', '{', '"', '\u00e9', '\u00a0',
                                        '\u2028', '\ufeff', '\t', '=', '\u0130')));
        Arbitrary<String> mixed =
                anyChar.list()
                        .ofMaxSize(70)
                        .map(
                                chars ->
                                        chars.stream()
                                                .map(String::valueOf)
                                                .reduce("", String::concat));
        Arbitrary<String> nearLimit =
                Arbitraries.strings().withChars("aZ9._:-").ofMinLength(62).ofMaxLength(66);
        Arbitrary<String> reserved =
                Arbitraries.of(
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
        return Arbitraries.oneOf(mixed, nearLimit, reserved);
    }

    @Provide
    Arbitrary<ServerEvent> badEvents() {
        Arbitrary<ServerEvent> badName =
                candidateNames()
                        .filter(
                                name ->
                                        !name.matches("[A-Za-z0-9._:-]{1,64}")
                                                || EventRules.RESERVED_NAMES.contains(name))
                        .map(name -> ServerEvent.broadcast(name, "data"));
        Arbitrary<Audience> badAudience =
                Arbitraries.oneOf(
                        Arbitraries.of(
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
                                new Audience(Audience.Kind.BROADCAST, "key")));
        return Arbitraries.oneOf(badName, badAudience.map(a -> new ServerEvent(a, "ok", "data")));
    }
}
