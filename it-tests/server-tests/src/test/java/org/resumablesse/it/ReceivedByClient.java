package org.resumablesse.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.resumablesse.client.ConnectedStatus;
import org.resumablesse.client.ResumableEvent;

/** What a {@link org.resumablesse.client.ResumableEventSource} handed its handlers. Thread-safe. */
final class ReceivedByClient {

    final List<ResumableEvent> events = new CopyOnWriteArrayList<>();
    final List<ConnectedStatus> statuses = new CopyOnWriteArrayList<>();

    void event(ResumableEvent event) {
        events.add(event);
    }

    void connected(ConnectedStatus status) {
        statuses.add(status);
    }

    /** The ids of the events whose name starts with this prefix, in arrival order. */
    List<String> ids(String prefix) {
        return events.stream()
                .filter(e -> e.name().startsWith(prefix))
                .map(ResumableEvent::id)
                .toList();
    }

    /** The data of the events whose name starts with this prefix, in arrival order. */
    List<String> data(String prefix) {
        return events.stream()
                .filter(e -> e.name().startsWith(prefix))
                .map(ResumableEvent::data)
                .toList();
    }

    ConnectedStatus lastStatus() {
        return statuses.get(statuses.size() - 1);
    }
}
