package org.resumablesse.jakarta;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.lang.reflect.Type;
import org.resumablesse.core.EventFrame;

/**
 * A JAX-RS event that carries a frame already encoded by the engine, so that every runtime writes
 * exactly the engine's bytes.
 *
 * <p>Where the runtime lets the application write events ({@link EncodedSseEventWriter}, used by
 * Jersey), the bytes are written as they are. Where the runtime writes events with its own fixed
 * writer (RESTEasy, in OpenLiberty), that writer emits {@code event: }, then the name, then a line
 * break, then nothing else for an event without data: so the name getter answers with the rest of
 * the frame, which reproduces it byte for byte. The runtimes' data writers are never used, because
 * they rewrite line breaks (Jersey keeps a lone CR; RESTEasy merges runs of line breaks).
 * Immutable.
 */
final class EncodedSseEvent implements OutboundSseEvent {

    private static final String EVENT_LEAD = "event: ";

    private final EventFrame frame;
    private final String rest;

    EncodedSseEvent(EventFrame frame) {
        this.frame = frame;
        String text = frame.text();
        this.rest =
                text.startsWith(EVENT_LEAD)
                        ? text.substring(EVENT_LEAD.length(), text.length() - 2)
                        : null;
    }

    /** The frame to write. */
    EventFrame frame() {
        return frame;
    }

    @Override
    public String getName() {
        return rest;
    }

    @Override
    public String getId() {
        return null;
    }

    @Override
    public String getComment() {
        return frame.isComment() ? frame.comment() : null;
    }

    @Override
    public long getReconnectDelay() {
        return rest == null && !frame.isComment() ? frame.retryMillis() : -1;
    }

    @Override
    public boolean isReconnectDelaySet() {
        return getReconnectDelay() >= 0;
    }

    @Override
    public Class<?> getType() {
        return frame.isComment() ? null : String.class;
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
        return "EncodedSseEvent[" + frame + "]";
    }
}
