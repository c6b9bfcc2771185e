package org.resumablesse.jakarta;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import org.resumablesse.core.EventFrame;

/**
 * A JAX-RS event that carries frames already encoded by the engine (one comment or retry hint, or a
 * run of events sent as one), so that every runtime writes exactly the engine's bytes.
 *
 * <p>Where the runtime lets the application write events ({@link EncodedSseEventWriter}, used by
 * Jersey), the bytes are written as they are. Where the runtime writes events with its own fixed
 * writer (RESTEasy, in OpenLiberty), that writer emits {@code event: }, then the name, then a line
 * break, then nothing else for an event without data: so the name getter answers with the rest of
 * the frames, which reproduces them byte for byte. The runtimes' data writers are never used,
 * because they rewrite line breaks (Jersey keeps a lone CR; RESTEasy merges runs of line breaks).
 * Immutable but for the name, computed on first use; used by one thread at a time.
 */
final class EncodedSseEvent implements OutboundSseEvent {

    private static final String EVENT_LEAD = "event: ";

    // One comment or retry hint, or one or more events.
    private final List<EventFrame> frames;
    private final EventFrame first;
    private String rest;

    private EncodedSseEvent(List<EventFrame> frames) {
        this.frames = frames;
        this.first = frames.get(0);
    }

    /**
     * Groups frames for sending: each run of consecutive events becomes one event to send, and
     * every other frame one of its own.
     */
    static List<EncodedSseEvent> group(List<EventFrame> frames) {
        List<EncodedSseEvent> grouped = new ArrayList<>(1);
        int start = 0;
        for (int i = 0; i < frames.size(); i++) {
            if (frames.get(i).name() == null) {
                if (i > start) {
                    grouped.add(new EncodedSseEvent(frames.subList(start, i)));
                }
                grouped.add(new EncodedSseEvent(frames.subList(i, i + 1)));
                start = i + 1;
            }
        }
        if (start < frames.size()) {
            grouped.add(new EncodedSseEvent(frames.subList(start, frames.size())));
        }
        return grouped;
    }

    /** Writes the frames as the engine encoded them, without the closing empty line. */
    void writeTo(OutputStream out) throws IOException {
        int last = frames.size() - 1;
        for (int i = 0; i < last; i++) {
            frames.get(i).writeTo(out);
        }
        frames.get(last).writeWithoutClosingLine(out);
    }

    @Override
    public String getName() {
        if (first.name() == null) {
            return null;
        }
        if (rest == null) {
            StringBuilder text = new StringBuilder();
            for (EventFrame frame : frames) {
                text.append(frame.text());
            }
            rest = text.substring(EVENT_LEAD.length(), text.length() - 2);
        }
        return rest;
    }

    @Override
    public String getId() {
        return null;
    }

    @Override
    public String getComment() {
        return first.isComment() ? first.comment() : null;
    }

    @Override
    public long getReconnectDelay() {
        return first.name() == null && !first.isComment() ? first.retryMillis() : -1;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return getReconnectDelay() >= 0;
    }

    @Override
    public Class<?> getType() {
        return first.isComment() ? null : String.class;
    }

    @Override
    public Type getGenericType() {
        return getType();
    }

    @Override
    public MediaType getMediaType() {
        return MediaType.TEXT_PLAIN_TYPE;
    }

    @Override
    public Object getData() {
        return null;
    }

    @Override
    public String toString() {
        return "EncodedSseEvent" + frames;
    }
}
