package org.resumablesse.redis;

import java.util.ArrayList;
import java.util.List;
import org.resumablesse.Audience;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/** Turns the read script's flat answer into a {@link History}. Stateless. */
final class ReadResult {

    private static final int FIELDS = 5;
    private static final int HEADER = 3;

    private ReadResult() {}

    /**
     * @param result epoch, head, complete (1 or 0), then per event: sequence, stream index (from
     *     1), name, data, time
     * @param asked the streams in the order they were sent
     */
    static History parse(List<?> result, List<Audience> asked, String epoch) {
        long head = Long.parseLong((String) result.get(1));
        if (!Long.valueOf(1).equals(result.get(2))) {
            return History.incomplete(head);
        }
        List<StoredEvent> events = new ArrayList<>((result.size() - HEADER) / FIELDS);
        for (int i = HEADER; i + FIELDS <= result.size(); i += FIELDS) {
            events.add(
                    new StoredEvent(
                            epoch,
                            Long.parseLong((String) result.get(i)),
                            asked.get(Integer.parseInt((String) result.get(i + 1)) - 1),
                            (String) result.get(i + 2),
                            (String) result.get(i + 3),
                            Long.parseLong((String) result.get(i + 4))));
        }
        return new History(events, true, head);
    }
}
