package org.resumablesse.perf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class EventStreamParserTest {

    private final List<String> events = new ArrayList<>();
    private final EventStreamParser parser =
            new EventStreamParser((type, data, id) -> events.add(type + "|" + data + "|" + id));

    @Test
    void dispatchesEventWithNameIdAndJoinedDataLines() {
        feed("event: bench\nid: 7\ndata: one\ndata:  two\n\n");

        assertEquals(List.of("bench|one\n two|7"), events);
    }

    @Test
    void endsLinesAtCrLfAndCrEvenWhenSplitAcrossReads() {
        feed("data: a\r");
        feed("\ndata: b\rdata: c\r");
        feed("\r");

        assertEquals(List.of("message|a\nb\nc|"), events);
    }

    @Test
    void ignoresCommentsAndEventsWithoutData() {
        feed(": hb\n\nevent: empty\n\ndata: x\n\n");

        assertEquals(List.of("message|x|"), events);
    }

    @Test
    void keepsLastEventIdAcrossEventsAndIgnoresIdWithNul() {
        feed("id: 5\ndata: a\n\nid: 6\0\ndata: b\n\n");

        assertEquals(List.of("message|a|5", "message|b|5"), events);
    }

    @Test
    void dropsLeadingByteOrderMark() {
        feed("\uFEFFdata: x\n\n");

        assertEquals(List.of("message|x|"), events);
    }

    private void feed(String text) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        parser.feed(bytes, 0, bytes.length);
    }
}
