package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import org.resumablesse.testkit.WhatwgEventStreamParser;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

class EventFrameEncoderProperties {

    @Property(tries = 1000)
    void aWhatwgParserReadsBackWhatWasSent(
            @ForAll("names") String name,
            @ForAll("ids") String id,
            @ForAll("unicodeData") String data) {
        EventFrame frame = EventFrameEncoder.event(name, id, data, -1);

        WhatwgEventStreamParser parser = WhatwgEventStreamParser.parse(frame.toBytes());

        assertThat(parser.events())
                .containsExactly(new Event(name, TextArbitraries.normalizeLineBreaks(data), id));
        assertThat(parser.reconnectionTime()).isEqualTo(-1);
    }

    @Property(tries = 1000)
    void dataCannotStartAnotherEventOrFieldEvenWhenStreamedAfterOthers(
            @ForAll("names") String name,
            @ForAll("ids") String id,
            @ForAll("unicodeData") String first,
            @ForAll("unicodeData") String second,
            @ForAll @LongRange(min = 0, max = 100_000) long retry) {
        String stream =
                EventFrameEncoder.event(name, id, first, retry).text()
                        + EventFrameEncoder.comment("hb").text()
                        + EventFrameEncoder.event("second", null, second, -1).text();

        WhatwgEventStreamParser parser = WhatwgEventStreamParser.parse(stream);

        assertThat(parser.events())
                .containsExactly(
                        new Event(name, TextArbitraries.normalizeLineBreaks(first), id, retry),
                        new Event("second", TextArbitraries.normalizeLineBreaks(second), id));
        assertThat(parser.reconnectionTime()).isEqualTo(retry);
        assertThat(parser.comments()).isEqualTo(1);
    }

    @Property(tries = 1000)
    void eventSizeIsTheEncodedSize(
            @ForAll("names") String name,
            @ForAll("ids") String id,
            @ForAll("rawChars") String data) {
        EventFrame frame = EventFrameEncoder.event(name, id, data, -1);

        assertThat(EventFrameEncoder.eventSize(name, data))
                .isEqualTo(frame.size())
                .isEqualTo(frame.toBytes().length)
                .isEqualTo(frame.text().getBytes(StandardCharsets.UTF_8).length);
    }

    @Property(tries = 1000)
    void aLineBreakOrNulInNameIdOrCommentNeverReachesTheWire(
            @ForAll("names") String name,
            @ForAll("ids") String id,
            @ForAll("breakers") String breaker,
            @ForAll @IntRange(min = 0, max = 64) int at) {
        String badName = insert(name, breaker, at);
        String badId = insert(id, breaker, at);

        assertThatThrownBy(() -> EventFrameEncoder.event(badName, id, "x", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventFrameEncoder.event(name, badId, "x", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventFrameEncoder.comment(badName))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Property(tries = 1000)
    void linesSplitLikeTheParserAndJoinBackToTheNormalizedData(@ForAll("rawChars") String data) {
        assertThat(String.join("\n", EventFrameEncoder.lines(data)))
                .isEqualTo(TextArbitraries.normalizeLineBreaks(data));
        assertThat(EventFrameEncoder.lines(data))
                .allSatisfy(line -> assertThat(line).doesNotContain("\r", "\n"));
    }

    @Property(tries = 200)
    void aRetryHintSetsTheDelayAndDispatchesNothing(
            @ForAll @LongRange(min = 0, max = Integer.MAX_VALUE) long millis) {
        WhatwgEventStreamParser parser =
                WhatwgEventStreamParser.parse(EventFrameEncoder.retry(millis).toBytes());

        assertThat(parser.events()).isEmpty();
        assertThat(parser.reconnectionTime()).isEqualTo(millis);
    }

    private static String insert(String text, String piece, int at) {
        int index = Math.min(at, text.length());
        return text.substring(0, index) + piece + text.substring(index);
    }

    @Provide
    Arbitrary<String> names() {
        return TextArbitraries.validNames();
    }

    @Provide
    Arbitrary<String> ids() {
        return TextArbitraries.ids();
    }

    @Provide
    Arbitrary<String> unicodeData() {
        return TextArbitraries.unicodeData();
    }

    @Provide
    Arbitrary<String> rawChars() {
        return TextArbitraries.rawChars();
    }

    @Provide
    Arbitrary<String> breakers() {
        return Arbitraries.of("\r", "\n", "\r\n", "\0", "\n\n", "\r\r");
    }
}
