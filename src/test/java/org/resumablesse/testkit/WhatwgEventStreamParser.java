package org.resumablesse.testkit;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The test oracle: an event-stream parser written from the WHATWG rules (HTML §9.2.6), independent
 * of the encoder. Lines end with CRLF, a lone LF or a lone CR; an empty line dispatches; a line
 * starting with a colon is a comment; the field name is the text before the first colon and one
 * leading space of the value is dropped; data lines are joined with LF; an id holding NUL is
 * ignored; retry counts only when it is all ASCII digits; a trailing unfinished event is dropped.
 *
 * <p>Feed it chunks in any split: a CR at the end of one chunk and an LF at the start of the next
 * form one line break. Shared by the engine's tests and, through the test-jar, by the integration
 * tests' HTTP client. Not thread-safe: one reader feeds it.
 */
public final class WhatwgEventStreamParser {

    /**
     * A dispatched event as an EventSource would hand it to a listener.
     *
     * @param type the event type; {@code message} when the block had no {@code event:} field
     * @param data the data lines joined with LF
     * @param lastEventId the last event id at dispatch (it persists across events)
     * @param retry the valid {@code retry:} value sent in this event's own block, or null
     */
    public record Event(String type, String data, String lastEventId, Long retry) {

        /** An event whose block carried no {@code retry:}. */
        public Event(String type, String data, String lastEventId) {
            this(type, data, lastEventId, null);
        }
    }

    private final List<Event> events = new ArrayList<>();
    private final Consumer<Event> onEvent;
    private final Consumer<String> onComment;
    private Long blockRetry;
    private final StringBuilder line = new StringBuilder();
    private StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventIdBuffer = "";
    private String lastEventId = "";
    private long reconnectionTime = -1;
    private int comments;
    private boolean started;
    private boolean afterCr;

    /** A parser that keeps every event for {@link #events()}. */
    public WhatwgEventStreamParser() {
        this(event -> {}, comment -> {});
    }

    /**
     * A parser that also hands each event and each comment's text (after the colon) to a callback
     * as soon as it is complete.
     */
    public WhatwgEventStreamParser(Consumer<Event> onEvent, Consumer<String> onComment) {
        this.onEvent = onEvent;
        this.onComment = onComment;
    }

    /** Parses a whole stream given as UTF-8 bytes, decoded as a browser does (with U+FFFD). */
    public static WhatwgEventStreamParser parse(byte[] stream) {
        return parse(new String(stream, StandardCharsets.UTF_8));
    }

    public static WhatwgEventStreamParser parse(String stream) {
        WhatwgEventStreamParser parser = new WhatwgEventStreamParser();
        parser.feed(stream);
        return parser;
    }

    public void feed(CharSequence chunk) {
        for (int i = 0; i < chunk.length(); i++) {
            char c = chunk.charAt(i);
            if (!started) {
                started = true;
                if (c == '\uFEFF') {
                    continue;
                }
            }
            if (afterCr) {
                afterCr = false;
                if (c == '\n') {
                    continue;
                }
            }
            if (c == '\r' || c == '\n') {
                afterCr = c == '\r';
                processLine(line.toString());
                line.setLength(0);
            } else {
                line.append(c);
            }
        }
    }

    public List<Event> events() {
        return events;
    }

    /** The last event id string, as a browser would send it in {@code Last-Event-ID}. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The last valid {@code retry} value in milliseconds, or -1 when none was seen. */
    public long reconnectionTime() {
        return reconnectionTime;
    }

    public int comments() {
        return comments;
    }

    private void processLine(String text) {
        if (text.isEmpty()) {
            dispatch();
            return;
        }
        if (text.charAt(0) == ':') {
            comments++;
            onComment.accept(text.substring(1));
            return;
        }
        int colon = text.indexOf(':');
        String field;
        String value;
        if (colon >= 0) {
            field = text.substring(0, colon);
            value = text.substring(colon + 1);
            if (value.startsWith(" ")) {
                value = value.substring(1);
            }
        } else {
            field = text;
            value = "";
        }
        processField(field, value);
    }

    private void processField(String field, String value) {
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventIdBuffer = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    reconnectionTime = value.length() > 18 ? Long.MAX_VALUE : Long.parseLong(value);
                    blockRetry = reconnectionTime;
                }
            }
            default -> {
                // Unknown fields are ignored.
            }
        }
    }

    private void dispatch() {
        lastEventId = lastEventIdBuffer;
        Long retry = blockRetry;
        blockRetry = null;
        if (data.length() == 0) {
            eventType = "";
            return;
        }
        String value = data.substring(0, data.length() - 1);
        Event event =
                new Event(eventType.isEmpty() ? "message" : eventType, value, lastEventId, retry);
        events.add(event);
        onEvent.accept(event);
        data = new StringBuilder();
        eventType = "";
    }
}
