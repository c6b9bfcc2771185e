package org.resumablesse.jakarta;

import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.ext.MessageBodyWriter;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;

/**
 * Writes an {@link EncodedSseEvent} as the engine encoded it. Only our own event type is taken:
 * other SSE endpoints of the application keep their runtime's writer. Stateless.
 */
@Provider
@Produces(MediaType.SERVER_SENT_EVENTS)
public class EncodedSseEventWriter implements MessageBodyWriter<EncodedSseEvent> {

    @Override
    public boolean isWriteable(
            Class<?> type, Type genericType, Annotation[] annotations, MediaType mediaType) {
        return EncodedSseEvent.class.isAssignableFrom(type);
    }

    @Override
    public void writeTo(
            EncodedSseEvent event,
            Class<?> type,
            Type genericType,
            Annotation[] annotations,
            MediaType mediaType,
            MultivaluedMap<String, Object> headers,
            OutputStream out)
            throws IOException {
        // The runtime ends every event with its own empty line, so the last frame's closing one is
        // left out.
        event.writeTo(out);
    }
}
