package org.resumablesse.it;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;

/**
 * One dispatched SSE event, as an EventSource would see it.
 *
 * @param name the event type; {@code message} when the server sent no {@code event:} field
 * @param id the last event id at dispatch (it persists across events, as in a browser)
 * @param data the data lines joined with LF
 * @param retry the {@code retry:} value sent in this event's block, or null
 */
public record SseEvent(String name, String id, String data, Long retry) {

    /** The data parsed as a JSON object. */
    public JsonObject json() {
        try (var reader = Json.createReader(new StringReader(data))) {
            return reader.readObject();
        }
    }

    @Override
    public String toString() {
        String shown = data.length() > 80 ? data.substring(0, 80) + "..." : data;
        return name
                + "#"
                + id
                + (retry == null ? "" : " retry=" + retry)
                + " "
                + shown.replace("\n", "\\n");
    }
}
