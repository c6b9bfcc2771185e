package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.resumablesse.testkit.Theories.anyOf;
import static org.resumablesse.testkit.Theories.check;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.quicktheories.api.Pair;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resumablesse.testkit.WhatwgEventStreamParser;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

class EventFrameEncoderProperties {

    @Test
    void aWhatwgParserReadsBackWhatWasSent() {
        check(
                1000,
                names(),
                ids(),
                unicodeData(),
                (name, id, data) -> {
                    EventFrame frame = EventFrameEncoder.event(name, id, data, -1);

                    WhatwgEventStreamParser parser = WhatwgEventStreamParser.parse(frame.toBytes());

                    assertThat(parser.events())
                            .containsExactly(
                                    new Event(name, TextGenerators.normalizeLineBreaks(data), id));
                    assertThat(parser.reconnectionTime()).isEqualTo(-1);
                });
    }

    @Test
    void dataCannotStartAnotherEventOrFieldEvenWhenStreamedAfterOthers() {
        check(
                1000,
                names(),
                ids(),
                unicodeData().zip(unicodeData(), Pair::of),
                Generate.longRange(0, 100_000),
                (name, id, data, retry) -> {
                    String first = data._1;
                    String second = data._2;
                    String stream =
                            EventFrameEncoder.event(name, id, first, retry).text()
                                    + EventFrameEncoder.comment("hb").text()
                                    + EventFrameEncoder.event("second", null, second, -1).text();

                    WhatwgEventStreamParser parser = WhatwgEventStreamParser.parse(stream);

                    assertThat(parser.events())
                            .containsExactly(
                                    new Event(
                                            name,
                                            TextGenerators.normalizeLineBreaks(first),
                                            id,
                                            retry),
                                    new Event(
                                            "second",
                                            TextGenerators.normalizeLineBreaks(second),
                                            id));
                    assertThat(parser.reconnectionTime()).isEqualTo(retry);
                    assertThat(parser.comments()).isEqualTo(1);
                });
    }

    @Test
    void eventSizeIsTheEncodedSize() {
        check(
                1000,
                names(),
                ids(),
                rawChars(),
                (name, id, data) -> {
                    EventFrame frame = EventFrameEncoder.event(name, id, data, -1);

                    assertThat(EventFrameEncoder.eventSize(name, data))
                            .isEqualTo(frame.size())
                            .isEqualTo(frame.toBytes().length)
                            .isEqualTo(frame.text().getBytes(StandardCharsets.UTF_8).length);
                });
    }

    @Test
    void aLineBreakOrNulInNameIdOrCommentNeverReachesTheWire() {
        check(
                1000,
                names(),
                ids(),
                breakers(),
                Generate.range(0, 64),
                (name, id, breaker, at) -> {
                    String badName = insert(name, breaker, at);
                    String badId = insert(id, breaker, at);

                    assertThatThrownBy(() -> EventFrameEncoder.event(badName, id, "x", -1))
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThatThrownBy(() -> EventFrameEncoder.event(name, badId, "x", -1))
                            .isInstanceOf(IllegalArgumentException.class);
                    assertThatThrownBy(() -> EventFrameEncoder.comment(badName))
                            .isInstanceOf(IllegalArgumentException.class);
                });
    }

    @Test
    void linesSplitLikeTheParserAndJoinBackToTheNormalizedData() {
        check(
                1000,
                rawChars(),
                data -> {
                    assertThat(String.join("\n", EventFrameEncoder.lines(data)))
                            .isEqualTo(TextGenerators.normalizeLineBreaks(data));
                    assertThat(EventFrameEncoder.lines(data))
                            .allSatisfy(line -> assertThat(line).doesNotContain("\r", "\n"));
                });
    }

    @Test
    void aRetryHintSetsTheDelayAndDispatchesNothing() {
        check(
                200,
                Generate.longRange(0, Integer.MAX_VALUE),
                millis -> {
                    WhatwgEventStreamParser parser =
                            WhatwgEventStreamParser.parse(
                                    EventFrameEncoder.retry(millis).toBytes());

                    assertThat(parser.events()).isEmpty();
                    assertThat(parser.reconnectionTime()).isEqualTo(millis);
                });
    }

    private static String insert(String text, String piece, int at) {
        int index = Math.min(at, text.length());
        return text.substring(0, index) + piece + text.substring(index);
    }

    private static Gen<String> names() {
        return TextGenerators.validNames();
    }

    private static Gen<String> ids() {
        return TextGenerators.ids();
    }

    private static Gen<String> unicodeData() {
        return TextGenerators.unicodeData();
    }

    private static Gen<String> rawChars() {
        return TextGenerators.rawChars();
    }

    private static Gen<String> breakers() {
        return anyOf("\r", "\n", "\r\n", "\0", "\n\n", "\r\r");
    }
}
