package org.resumablesse.core;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Encodes frames by the WHATWG event-stream rules: one {@code data:} line per line of data, where
 * CRLF, a lone CR and a lone LF each end a line and empty lines are kept; fields ended by LF; the
 * frame closed by an empty line. Names and ids are checked to hold no CR, LF or NUL, so no field
 * can start another.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventFrameEncoder {

    private static final byte[] EVENT = bytes("event: ");
    private static final byte[] ID = bytes("id: ");
    private static final byte[] RETRY = bytes("retry: ");
    private static final byte[] DATA = bytes("data:");
    private static final byte[] COMMENT = bytes(": ");

    private EventFrameEncoder() {}

    /**
     * Encodes an event.
     *
     * @param name the event name, already validated; not null
     * @param id the id, or null for none
     * @param data the data; not null ({@code ""} gives one empty data line)
     * @param retryMillis a reconnection delay to send, or -1 for none
     * @throws IllegalArgumentException if the name or id holds CR, LF or NUL
     */
    public static EventFrame event(String name, String id, String data, long retryMillis) {
        requireSingleLine("name", name);
        if (id != null) {
            requireSingleLine("id", id);
        }
        List<String> lines = lines(data);
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 + data.length());
        field(out, EVENT, name);
        if (id != null) {
            field(out, ID, id);
        }
        if (retryMillis >= 0) {
            field(out, RETRY, Long.toString(retryMillis));
        }
        for (String line : lines) {
            out.writeBytes(DATA);
            if (!line.isEmpty()) {
                out.write(' ');
                out.writeBytes(line.getBytes(StandardCharsets.UTF_8));
            }
            out.write('\n');
        }
        out.write('\n');
        return new EventFrame(name, id, retryMillis, null, out.toByteArray());
    }

    /**
     * Encodes a comment, which parsers ignore; used for heartbeats.
     *
     * @throws IllegalArgumentException if the text holds CR, LF or NUL
     */
    public static EventFrame comment(String text) {
        requireSingleLine("comment", text);
        ByteArrayOutputStream out = new ByteArrayOutputStream(8 + text.length());
        field(out, COMMENT, text);
        out.write('\n');
        return new EventFrame(null, null, -1, text, out.toByteArray());
    }

    /**
     * Encodes a bare reconnection-delay hint, which sets the client's delay and dispatches nothing.
     */
    public static EventFrame retry(long retryMillis) {
        if (retryMillis < 0) {
            throw new IllegalArgumentException("retry < 0: " + retryMillis);
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(24);
        field(out, RETRY, Long.toString(retryMillis));
        out.write('\n');
        return new EventFrame(null, null, retryMillis, null, out.toByteArray());
    }

    /**
     * The size in bytes of an event frame with this name and data and an id of {@link
     * Cursor#LENGTH} characters, computed without encoding it or allocating.
     */
    public static long eventSize(String name, String data) {
        long size = EVENT.length + utf8Length(name) + 1 + ID.length + Cursor.LENGTH + 1 + 1;
        int length = data.length();
        int lineStart = 0;
        for (int i = 0; i <= length; i++) {
            char c = i < length ? data.charAt(i) : '\n';
            if (c == '\r' || c == '\n') {
                size += DATA.length + 1;
                if (i > lineStart) {
                    size += 1 + utf8Length(data, lineStart, i);
                }
                if (c == '\r' && i + 1 < length && data.charAt(i + 1) == '\n') {
                    i++;
                }
                lineStart = i + 1;
            }
        }
        return size;
    }

    /**
     * Splits data into lines the way a WHATWG parser does: CRLF, lone CR and lone LF each end a
     * line, and an ending line break leaves an empty last line.
     *
     * @return an unmodifiable list with at least one element
     */
    public static List<String> lines(String data) {
        List<String> lines = new ArrayList<>();
        int start = 0;
        int length = data.length();
        for (int i = 0; i < length; i++) {
            char c = data.charAt(i);
            if (c == '\r' || c == '\n') {
                lines.add(data.substring(start, i));
                if (c == '\r' && i + 1 < length && data.charAt(i + 1) == '\n') {
                    i++;
                }
                start = i + 1;
            }
        }
        lines.add(data.substring(start));
        return Collections.unmodifiableList(lines);
    }

    /**
     * The number of bytes the UTF-8 form of this text takes; an unpaired surrogate counts as one
     * byte.
     */
    static long utf8Length(String text) {
        return utf8Length(text, 0, text.length());
    }

    private static long utf8Length(String text, int from, int to) {
        long length = 0;
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                length += 1;
            } else if (c < 0x800) {
                length += 2;
            } else if (Character.isHighSurrogate(c)
                    && i + 1 < to
                    && Character.isLowSurrogate(text.charAt(i + 1))) {
                length += 4;
                i++;
            } else if (Character.isSurrogate(c)) {
                length += 1;
            } else {
                length += 3;
            }
        }
        return length;
    }

    private static void field(ByteArrayOutputStream out, byte[] lead, String value) {
        out.writeBytes(lead);
        out.writeBytes(value.getBytes(StandardCharsets.UTF_8));
        out.write('\n');
    }

    private static void requireSingleLine(String what, String value) {
        if (value == null) {
            throw new IllegalArgumentException(what + " is null");
        }
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\r' || c == '\n' || c == '\0') {
                throw new IllegalArgumentException(what + " holds CR, LF or NUL");
            }
        }
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.US_ASCII);
    }
}
