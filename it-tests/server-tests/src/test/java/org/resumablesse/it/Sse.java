package org.resumablesse.it;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/** Filters for received events. */
public final class Sse {

    private Sse() {}

    public static Predicate<SseEvent> named(String name) {
        return event -> event.name().equals(name);
    }

    /** Events other than the {@code connected} event that opens every stream. */
    public static Predicate<SseEvent> published() {
        return named("connected").negate();
    }

    public static Predicate<SseEvent> withId(Set<String> ids) {
        return event -> ids.contains(event.id());
    }

    public static List<String> ids(List<SseEvent> events) {
        return events.stream().map(SseEvent::id).toList();
    }
}
