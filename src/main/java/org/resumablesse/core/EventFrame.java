package org.resumablesse.core;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.Function;

/**
 * One encoded unit of an event stream: an event, a comment or a bare {@code retry:} hint. It holds
 * both the exact bytes a WHATWG parser reads (lines ended by LF, closed by an empty line) and the
 * parts they were built from, so a transport that must go through a framework's own SSE writer can
 * rebuild the same stream.
 *
 * <p>Immutable and shared by every connection that receives it; built by {@link EventFrameEncoder}.
 * The {@linkplain #adapt(Function) adapted form} is computed at most once per transport type in
 * practice (a benign race may compute it twice, both results equal).
 */
public final class EventFrame {

    private final String name;
    private final String id;
    private final List<String> dataLines;
    private final long retryMillis;
    private final String comment;
    private final byte[] bytes;
    private volatile Object adapted;

    EventFrame(
            String name,
            String id,
            List<String> dataLines,
            long retryMillis,
            String comment,
            byte[] bytes) {
        this.name = name;
        this.id = id;
        this.dataLines = dataLines;
        this.retryMillis = retryMillis;
        this.comment = comment;
        this.bytes = bytes;
    }

    /** The event name, or null for a comment or a bare retry hint. */
    public String name() {
        return name;
    }

    /** The event id, or null when the frame carries none. */
    public String id() {
        return id;
    }

    /**
     * The data split into lines (line breaks removed, empty lines kept), or null when there is no
     * data.
     */
    public List<String> dataLines() {
        return dataLines;
    }

    /** The data as a WHATWG parser reads it: the lines joined by LF; null when there is no data. */
    public String data() {
        return dataLines == null ? null : String.join("\n", dataLines);
    }

    /** The {@code retry:} value in milliseconds, or -1 when absent. */
    public long retryMillis() {
        return retryMillis;
    }

    /** The comment text (one line), or null. */
    public String comment() {
        return comment;
    }

    /** True for a frame that is only a comment (a heartbeat). */
    public boolean isComment() {
        return comment != null && name == null && dataLines == null && retryMillis < 0;
    }

    /** The encoded size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the encoded bytes, UTF-8. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the encoded bytes without copying them. */
    public void writeTo(java.io.OutputStream out) throws java.io.IOException {
        out.write(bytes);
    }

    /** The encoded frame as text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * Returns a transport's own representation of this frame, computing it on first use, so that an
     * event sent to many connections is converted once.
     *
     * @param converter turns the frame into the transport's form; must always return an equal
     *     result
     */
    @SuppressWarnings("unchecked")
    public <T> T adapt(Function<EventFrame, T> converter) {
        Object value = adapted;
        if (value == null) {
            value = converter.apply(this);
            adapted = value;
        }
        return (T) value;
    }

    @Override
    public String toString() {
        return "EventFrame["
                + (name != null ? name : "comment")
                + ", id="
                + id
                + ", "
                + bytes.length
                + " bytes]";
    }
}
