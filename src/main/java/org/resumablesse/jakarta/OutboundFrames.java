package org.resumablesse.jakarta;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import org.resumablesse.core.EventFrame;

/**
 * Turns the engine's frames into JAX-RS events that produce the same bytes on every JAX-RS runtime.
 *
 * <p>The runtimes' own SSE writers differ: Jersey starts a new {@code data:} line only at LF and
 * writes no data line for empty data, RESTEasy merges runs of line breaks into one. Both are exact
 * for data whose lines are all non-empty, which is the common case (JSON), so such frames travel as
 * ordinary fields. Any other frame (empty lines, empty data, a bare {@code retry:}) travels whole
 * inside a comment whose text starts with CR: both runtimes write comments verbatim, and a WHATWG
 * parser ends the comment line at that CR and reads the frame's own lines, which are separated by
 * CR too. Stateless.
 */
final class OutboundFrames {

    private static final MediaType TEXT_UTF8 = MediaType.TEXT_PLAIN_TYPE.withCharset("UTF-8");

    private OutboundFrames() {}

    static OutboundSseEvent toOutbound(Sse sse, EventFrame frame) {
        if (frame.isComment()) {
            return sse.newEventBuilder().comment(frame.comment()).build();
        }
        if (isPlain(frame)) {
            OutboundSseEvent.Builder builder =
                    sse.newEventBuilder()
                            .name(frame.name())
                            .mediaType(TEXT_UTF8)
                            .data(String.class, frame.data());
            if (frame.id() != null) {
                builder.id(frame.id());
            }
            if (frame.retryMillis() >= 0) {
                builder.reconnectDelay(frame.retryMillis());
            }
            return builder.build();
        }
        return sse.newEventBuilder().comment(crSeparated(frame.text())).build();
    }

    /** True when every field survives both runtimes' writers unchanged. */
    static boolean isPlain(EventFrame frame) {
        if (frame.name() == null || frame.dataLines() == null) {
            return false;
        }
        for (String line : frame.dataLines()) {
            if (line.isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /**
     * The frame's lines behind a leading CR, each ended by CR instead of LF, without the closing
     * empty line, which the runtime's own comment ending and event separator provide.
     */
    static String crSeparated(String frameText) {
        String body = frameText.substring(0, frameText.length() - 2);
        return "\r" + body.replace('\n', '\r');
    }
}
