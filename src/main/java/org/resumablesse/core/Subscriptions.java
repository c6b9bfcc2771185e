package org.resumablesse.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.resumablesse.Audience;
import org.resumablesse.spi.StoredEvent;

/**
 * Which open connections follow which stream; hands each appended event to its followers.
 * Thread-safe: {@link #dispatch} reads without locking; {@link #add} and {@link #remove} are
 * serialized, so a connection that joins a stream while its last follower leaves is never put in a
 * follower set that has just been dropped from the map.
 */
final class Subscriptions {

    private final ConcurrentHashMap<Audience, Set<Connection>> byStream = new ConcurrentHashMap<>();
    private final Set<Connection> all = ConcurrentHashMap.newKeySet();

    synchronized void add(Connection connection) {
        all.add(connection);
        for (Audience stream : connection.streams()) {
            byStream.computeIfAbsent(stream, key -> ConcurrentHashMap.newKeySet()).add(connection);
        }
    }

    synchronized void remove(Connection connection) {
        if (!all.remove(connection)) {
            return;
        }
        for (Audience stream : connection.streams()) {
            byStream.computeIfPresent(
                    stream,
                    (key, followers) -> {
                        followers.remove(connection);
                        return followers.isEmpty() ? null : followers;
                    });
        }
    }

    /** Offers the event to every connection following its stream. */
    void dispatch(StoredEvent event) {
        Set<Connection> followers = byStream.get(event.stream());
        if (followers != null) {
            for (Connection connection : followers) {
                connection.offer(event);
            }
        }
    }

    boolean isFollowed(Audience stream) {
        return byStream.containsKey(stream);
    }

    Set<Connection> all() {
        return all;
    }
}
