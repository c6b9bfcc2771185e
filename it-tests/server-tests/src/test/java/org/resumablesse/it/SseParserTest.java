package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The test client's parser against the WHATWG event-stream rules it must follow. */
class SseParserTest {

    private final List<SseEvent> events = new ArrayList<>();
    private final List<String> comments = new ArrayList<>();
    private final SseParser parser = new SseParser(events::add, comments::add);

    @Test
    void linesEndWithCrLfLfOrLoneCrEvenAcrossChunks() {
        parser.feed("event: a\r\ndata: 1\rdata: 2\ndata: 3\r");
        parser.feed("\n\r");

        assertEquals(List.of(new SseEvent("a", "", "1\n2\n3", null)), events);
    }

    @Test
    void oneLeadingSpaceIsStrippedAndFieldsWithoutColonHaveEmptyValues() {
        parser.feed("data:  two spaces\ndata\ndata:no space\n\n");

        assertEquals(" two spaces\n\nno space", events.get(0).data());
    }

    @Test
    void eventWithoutDataIsNotDispatchedButItsIdIsKept() {
        parser.feed("event: x\nid: 7\n\ndata: d\n\n");

        assertEquals(List.of(new SseEvent("message", "7", "d", null)), events);
    }

    @Test
    void idWithNulIsIgnoredAndRetryCountsOnlyWhenAllDigits() {
        parser.feed("id: 1\nretry: 1000x\ndata: a\n\nid: 2\0\nretry: 250\ndata: b\n\n");

        assertEquals(
                List.of(
                        new SseEvent("message", "1", "a", null),
                        new SseEvent("message", "1", "b", 250L)),
                events);
    }

    @Test
    void commentsAreCountedNotDispatchedAndBomIsDropped() {
        parser.feed("\uFEFF: hello\n: \n\n");

        assertEquals(List.of(" hello", " "), comments);
        assertEquals(List.of(), events);
    }

    @Test
    void unfinishedEventAtTheEndIsNotDispatched() {
        parser.feed("data: done\n\ndata: torn");

        assertEquals(1, events.size());
    }
}
