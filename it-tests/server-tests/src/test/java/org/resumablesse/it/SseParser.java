package org.resumablesse.it;

import java.util.function.Consumer;

/**
 * An event-stream parser that follows the WHATWG rules: lines end with CRLF, LF or a lone CR (also
 * across chunk boundaries), one leading BOM is dropped, one space after the colon is stripped,
 * {@code data} lines are joined with LF, a blank line dispatches, an event with no data is not
 * dispatched, comments are ignored, an {@code id} containing NUL is ignored, the last event id
 * persists from event to event, {@code retry} counts only when it is all ASCII digits, and an
 * unfinished event at the end of the stream is dropped. Not thread-safe: one reader feeds it.
 */
public final class SseParser {

    private final Consumer<SseEvent> events;
    private final Consumer<String> comments;
    private final StringBuilder line = new StringBuilder();
    private final StringBuilder data = new StringBuilder();
    private String eventType = "";
    private String lastEventId = "";
    private Long retry;
    private boolean afterCr;
    private boolean started;

    public SseParser(Consumer<SseEvent> events, Consumer<String> comments) {
        this.events = events;
        this.comments = comments;
    }

    /** Feeds decoded characters; complete lines are processed at once. */
    public void feed(char[] chars, int offset, int length) {
        for (int i = offset; i < offset + length; i++) {
            feed(chars[i]);
        }
    }

    public void feed(CharSequence chars) {
        for (int i = 0; i < chars.length(); i++) {
            feed(chars.charAt(i));
        }
    }

    /** The last event id the stream has set, as a browser would send it in Last-Event-ID. */
    public String lastEventId() {
        return lastEventId;
    }

    private void feed(char c) {
        if (!started) {
            started = true;
            if (c == '\uFEFF') {
                return;
            }
        }
        if (afterCr) {
            afterCr = false;
            if (c == '\n') {
                return;
            }
        }
        if (c == '\r') {
            afterCr = true;
            endLine();
        } else if (c == '\n') {
            endLine();
        } else {
            line.append(c);
        }
    }

    private void endLine() {
        String text = line.toString();
        line.setLength(0);
        if (text.isEmpty()) {
            dispatch();
        } else if (text.charAt(0) == ':') {
            comments.accept(text.substring(1));
        } else {
            int colon = text.indexOf(':');
            String field = colon < 0 ? text : text.substring(0, colon);
            String value = colon < 0 ? "" : text.substring(colon + 1);
            field(field, value.startsWith(" ") ? value.substring(1) : value);
        }
    }

    private void field(String field, String value) {
        switch (field) {
            case "event" -> eventType = value;
            case "data" -> data.append(value).append('\n');
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty()
                        && value.length() < 19
                        && value.chars().allMatch(SseParser::isAsciiDigit)) {
                    retry = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored
            }
        }
    }

    private static boolean isAsciiDigit(int c) {
        return c >= '0' && c <= '9';
    }

    private void dispatch() {
        if (data.length() > 0) {
            String payload = data.substring(0, data.length() - 1);
            events.accept(
                    new SseEvent(
                            eventType.isEmpty() ? "message" : eventType,
                            lastEventId,
                            payload,
                            retry));
        }
        data.setLength(0);
        eventType = "";
        retry = null;
    }
}
