package org.resumablesse.spi;

import java.util.List;

/**
 * The answer to a history read: either every event after the asked position in the asked streams,
 * in global order, or the statement that some are gone.
 *
 * @param events the events after the position, ascending by sequence; empty when incomplete
 * @param complete false when a followed stream has dropped an event after the position (overflow or
 *     removal)
 * @param head the store's last sequence when the read was made; every event up to it was considered
 */
public record History(List<StoredEvent> events, boolean complete, long head) {

    public History {
        events = List.copyOf(events);
    }

    /** A history that lost events after the position. */
    public static History incomplete(long head) {
        return new History(List.of(), false, head);
    }
}
