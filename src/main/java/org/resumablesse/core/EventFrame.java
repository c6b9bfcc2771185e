package org.resumablesse.core;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * One encoded unit of an event stream: an event, a comment or a bare {@code retry:} hint. It holds
 * the exact bytes a WHATWG parser reads (lines ended by LF, closed by an empty line) and the name,
 * id, retry and comment they were built from; the data is kept only in the bytes.
 *
 * <p>Immutable and shared by every connection that receives it; built by {@link EventFrameEncoder}.
 */
public final class EventFrame {

    private final String name;
    private final String id;
    private final long retryMillis;
    private final String comment;
    private final byte[] bytes;

    EventFrame(String name, String id, long retryMillis, String comment, byte[] bytes) {
        this.name = name;
        this.id = id;
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
        return comment != null && name == null && retryMillis < 0;
    }

    /** The encoded size in bytes. */
    public int size() {
        return bytes.length;
    }

    /** A copy of the encoded bytes, UTF-8. */
    public byte[] toBytes() {
        return bytes.clone();
    }

    /** Writes the encoded bytes to {@code out} as they are, without copying them. */
    public void writeTo(OutputStream out) throws IOException {
        out.write(bytes);
    }

    /**
     * Writes the encoded bytes but the last, the LF of the empty line that closes the frame, for a
     * framework that closes every event itself.
     */
    public void writeWithoutClosingLine(OutputStream out) throws IOException {
        out.write(bytes, 0, bytes.length - 1);
    }

    /** The encoded frame as text. */
    public String text() {
        return new String(bytes, StandardCharsets.UTF_8);
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
