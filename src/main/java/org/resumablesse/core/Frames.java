package org.resumablesse.core;

import org.resumablesse.spi.StoredEvent;

/**
 * The frames the engine sends: shared live frames, marked replay frames and heartbeats. Stateless.
 */
final class Frames {

    /** The name of the event that opens every stream. */
    static final String CONNECTED = "connected";

    /** The event a client refused for a while gets instead of {@code connected}. */
    static final String REFUSED = "refused";

    /** The heartbeat comment; one instance for every connection. */
    static final EventFrame HEARTBEAT = EventFrameEncoder.comment("hb");

    private Frames() {}

    /** The event's frame, encoded once and shared by every connection. */
    static EventFrame live(StoredEvent event) {
        return event.memo(Frames::encode);
    }

    /** The frame for a replayed event: the shared one, or a marked copy when markers are on. */
    static EventFrame replayed(StoredEvent event, boolean markers) {
        if (!markers) {
            return live(event);
        }
        String data = ReplayMarkers.mark(event.data(), event.timeMillis());
        return EventFrameEncoder.event(event.name(), id(event), data, -1);
    }

    private static EventFrame encode(StoredEvent event) {
        return EventFrameEncoder.event(event.name(), id(event), event.data(), -1);
    }

    private static String id(StoredEvent event) {
        return Cursor.format(event.epoch(), event.sequence());
    }
}
