package org.resumablesse.core;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.resumablesse.Audience;

/**
 * Which open connections follow which stream. Thread-safe: {@link #followers} reads without
 * locking; {@link #add} and {@link #remove} are serialized, so a connection that joins a stream
 * while its last follower leaves is never put in a follower set that has just been dropped from the
 * map.
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

    /** The connections following this stream now; a live view, safe to iterate. */
    Set<Connection> followers(Audience stream) {
        return byStream.getOrDefault(stream, Set.of());
    }

    boolean isFollowed(Audience stream) {
        return byStream.containsKey(stream);
    }

    Set<Connection> all() {
        return all;
    }
}
