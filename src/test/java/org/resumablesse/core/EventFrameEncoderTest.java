package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class EventFrameEncoderTest {

    private static final String ID = "0123456789abcdef-0000000000000000007";

    @Test
    void writesOneDataLinePerLineWithOneSpaceAndEndsWithABlankLine() {
        EventFrame frame = EventFrameEncoder.event("tick", ID, "a\r\nb\rc\n", -1);

        assertThat(frame.text())
                .isEqualTo("event: tick\nid: " + ID + "\ndata: a\ndata: b\ndata: c\ndata:\n\n");
    }

    @Test
    void keepsALeadingSpaceOfTheDataBehindTheSeparatorSpace() {
        assertThat(EventFrameEncoder.event("x", null, " indented", -1).text())
                .isEqualTo("event: x\ndata:  indented\n\n");
    }

    @Test
    void writesEmptyDataAsOneEmptyDataLine() {
        EventFrame frame = EventFrameEncoder.event("x", null, "", -1);

        assertThat(frame.text()).isEqualTo("event: x\ndata:\n\n");
        assertThat(WhatwgEventStreamParser.parse(frame.text()).events())
                .containsExactly(new WhatwgEventStreamParser.Event("x", "", ""));
    }

    @Test
    void writesRetryBeforeTheData() {
        assertThat(EventFrameEncoder.event("x", ID, "d", 3000).text())
                .isEqualTo("event: x\nid: " + ID + "\nretry: 3000\ndata: d\n\n");
    }

    @Test
    void writesHeartbeatsAsComments() {
        EventFrame heartbeat = EventFrameEncoder.comment("hb");

        assertThat(heartbeat.text()).isEqualTo(": hb\n\n");
        assertThat(heartbeat.isComment()).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"\u007f", "\u0080", "\u07ff", "\u0800", "\uffff", "\ud800\udc00"})
    void countsUtf8BytesOnEitherSideOfEachEncodingLength(String character) {
        String data = "a" + character + "\n" + character;

        assertThat(EventFrameEncoder.eventSize("x", data))
                .isEqualTo(EventFrameEncoder.event("x", ID, data, -1).size());
    }

    @Test
    void writesACommentOfAnyLengthWhole() {
        String text = "stream paused: the server restarts in 30 s ".repeat(30);

        EventFrame comment = EventFrameEncoder.comment(text);

        assertThat(comment.text()).isEqualTo(": " + text + "\n\n");
        assertThat(comment.size()).isEqualTo(text.length() + 4);
    }

    @Test
    void writesABareRetryHint() {
        assertThat(EventFrameEncoder.retry(1500).text()).isEqualTo("retry: 1500\n\n");
        assertThatThrownBy(() -> EventFrameEncoder.retry(-1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void refusesAnInjectedField() {
        assertThatThrownBy(() -> EventFrameEncoder.event("x\nretry: 1", ID, "d", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventFrameEncoder.event("x", ID + "\rdata: evil", "d", -1))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventFrameEncoder.event("x", "1\u0000", "d", -1))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
