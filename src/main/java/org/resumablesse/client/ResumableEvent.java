package org.resumablesse.client;

import java.util.Objects;

/**
 * One application event as the client received it: the name after {@code event:} ({@code "message"}
 * when the frame had none), the id after {@code id:}, and the data with its line breaks as LF.
 *
 * @param name the event name; never null
 * @param id the event id, which is the cursor after this event; never null
 * @param data the data; never null, empty when the frame had no data
 */
public record ResumableEvent(String name, String id, String data) {

    /** Checks that no component is null. */
    public ResumableEvent {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(data, "data");
    }
}
