package org.resumablesse.perf.client;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Parses {@code text/event-stream} bytes by the WHATWG rules: lines end at CR, LF or CRLF (also
 * across reads), a leading BOM is dropped, one space after the colon is stripped, {@code data}
 * lines join with LF, an empty line dispatches an event if it has data, {@code id} with a NUL is
 * ignored, the last event id persists across events. Not thread-safe; one per connection.
 */
public final class EventStreamParser {

    /** Receives dispatched events. */
    public interface Listener {
        void onEvent(String type, String data, String lastEventId);
    }

    private final Listener listener;
    private byte[] line = new byte[256];
    private int lineLength;
    private boolean afterCr;
    private boolean started;
    private String type = "";
    private final StringBuilder data = new StringBuilder();
    private boolean hasData;
    private String lastEventId = "";
    private long retryMillis = -1;

    public EventStreamParser(Listener listener) {
        this.listener = listener;
    }

    /** Feeds the next bytes of the stream. */
    public void feed(byte[] bytes, int offset, int length) {
        int end = offset + length;
        for (int i = offset; i < end; i++) {
            byte b = bytes[i];
            if (afterCr) {
                afterCr = false;
                if (b == '\n') {
                    continue;
                }
            }
            if (b == '\r') {
                afterCr = true;
                endLine();
            } else if (b == '\n') {
                endLine();
            } else {
                append(b);
            }
        }
    }

    /** The last event id buffer, "" before any id. */
    public String lastEventId() {
        return lastEventId;
    }

    /** The last {@code retry:} value, or -1. */
    public long retryMillis() {
        return retryMillis;
    }

    private void append(byte b) {
        if (lineLength == line.length) {
            line = Arrays.copyOf(line, line.length * 2);
        }
        line[lineLength++] = b;
    }

    private void endLine() {
        int start = 0;
        if (!started) {
            started = true;
            if (lineLength >= 3
                    && line[0] == (byte) 0xEF
                    && line[1] == (byte) 0xBB
                    && line[2] == (byte) 0xBF) {
                start = 3;
            }
        }
        int length = lineLength - start;
        lineLength = 0;
        if (length == 0) {
            dispatch();
        } else if (line[start] != ':') {
            field(start, length);
        }
    }

    private void field(int start, int length) {
        int colon = -1;
        for (int i = start; i < start + length; i++) {
            if (line[i] == ':') {
                colon = i;
                break;
            }
        }
        String name;
        String value;
        if (colon < 0) {
            name = new String(line, start, length, StandardCharsets.UTF_8);
            value = "";
        } else {
            name = new String(line, start, colon - start, StandardCharsets.UTF_8);
            int valueStart = colon + 1;
            if (valueStart < start + length && line[valueStart] == ' ') {
                valueStart++;
            }
            value =
                    new String(
                            line, valueStart, start + length - valueStart, StandardCharsets.UTF_8);
        }
        apply(name, value);
    }

    private void apply(String name, String value) {
        switch (name) {
            case "event" -> type = value;
            case "data" -> {
                data.append(value).append('\n');
                hasData = true;
            }
            case "id" -> {
                if (value.indexOf('\0') < 0) {
                    lastEventId = value;
                }
            }
            case "retry" -> {
                if (!value.isEmpty() && value.chars().allMatch(c -> c >= '0' && c <= '9')) {
                    retryMillis = Long.parseLong(value);
                }
            }
            default -> {
                // unknown fields are ignored, as the standard says
            }
        }
    }

    private void dispatch() {
        if (!hasData) {
            type = "";
            return;
        }
        data.setLength(data.length() - 1);
        String eventType = type.isEmpty() ? "message" : type;
        String eventData = data.toString();
        type = "";
        data.setLength(0);
        hasData = false;
        listener.onEvent(eventType, eventData, lastEventId);
    }
}
