package org.resumablesse.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.resumablesse.testkit.WhatwgEventStreamParser.Event;

/** The oracle is only as good as its own tests: these pin it to the WHATWG rules. */
class WhatwgEventStreamParserTest {

    @Test
    void endsLinesWithCrLfLoneLfOrLoneCr() {
        WhatwgEventStreamParser parser =
                WhatwgEventStreamParser.parse("data: a\r\ndata: b\rdata: c\n\r\n");

        assertThat(parser.events()).containsExactly(new Event("message", "a\nb\nc", ""));
    }

    @Test
    void joinsACrAndAnLfSplitOverTwoChunks() {
        WhatwgEventStreamParser parser = new WhatwgEventStreamParser();
        parser.feed("data: a\r");
        parser.feed("\ndata: b\r");
        parser.feed("\r");

        assertThat(parser.events()).containsExactly(new Event("message", "a\nb", ""));
    }

    @Test
    void stripsOneLeadingSpaceOnly() {
        assertThat(WhatwgEventStreamParser.parse("data:  two\n\n").events())
                .containsExactly(new Event("message", " two", ""));
        assertThat(WhatwgEventStreamParser.parse("data:none\n\n").events())
                .containsExactly(new Event("message", "none", ""));
    }

    @Test
    void splitsTheFieldAtTheFirstColon() {
        assertThat(WhatwgEventStreamParser.parse("data: a: b\n\n").events())
                .containsExactly(new Event("message", "a: b", ""));
    }

    @Test
    void readsALineWithoutColonAsAFieldWithEmptyValue() {
        assertThat(WhatwgEventStreamParser.parse("data\ndata\n\n").events())
                .containsExactly(new Event("message", "\n", ""));
    }

    @Test
    void ignoresCommentsAndUnknownFields() {
        WhatwgEventStreamParser parser =
                WhatwgEventStreamParser.parse(": hb\nfoo: bar\ndata: x\n\n: hb\n\n");

        assertThat(parser.events()).containsExactly(new Event("message", "x", ""));
        assertThat(parser.comments()).isEqualTo(2);
    }

    @Test
    void dispatchesNothingWithoutData() {
        assertThat(WhatwgEventStreamParser.parse("event: x\nid: 7\n\n").events()).isEmpty();
    }

    @Test
    void keepsTheLastEventIdUntilReplacedAndIgnoresOneWithNul() {
        WhatwgEventStreamParser parser =
                WhatwgEventStreamParser.parse(
                        "id: 1\ndata: a\n\ndata: b\n\nid: 2\u0000\ndata: c\n\n");

        assertThat(parser.events())
                .containsExactly(
                        new Event("message", "a", "1"),
                        new Event("message", "b", "1"),
                        new Event("message", "c", "1"));
    }

    @Test
    void takesRetryOnlyWhenAllDigits() {
        assertThat(WhatwgEventStreamParser.parse("retry: 1000x\n\n").reconnectionTime())
                .isEqualTo(-1);
        assertThat(WhatwgEventStreamParser.parse("retry: \n\n").reconnectionTime()).isEqualTo(-1);
        assertThat(WhatwgEventStreamParser.parse("retry: 2500\n\n").reconnectionTime())
                .isEqualTo(2500);
    }

    @Test
    void stripsOneLeadingByteOrderMarkOnly() {
        assertThat(WhatwgEventStreamParser.parse("\uFEFFdata: a\n\n").events())
                .containsExactly(new Event("message", "a", ""));
        assertThat(WhatwgEventStreamParser.parse("\uFEFF\uFEFFdata: a\n\n").events()).isEmpty();
    }

    @Test
    void dropsAnUnfinishedLastEvent() {
        assertThat(WhatwgEventStreamParser.parse("data: a\n\ndata: b\n").events())
                .extracting(Event::data)
                .isEqualTo(List.of("a"));
    }

    @Test
    void usesTheEventFieldAsTypeForOneEventOnly() {
        assertThat(WhatwgEventStreamParser.parse("event: x\ndata: 1\n\ndata: 2\n\n").events())
                .extracting(Event::type)
                .containsExactly("x", "message");
    }
}
