package org.resumablesse;

/**
 * Publishes events: stores each one in the history of its audience and hands it to every matching
 * open connection, without waiting for any of them. The CDI bean of this type is
 * application-scoped; inject it where firing a CDI event does not fit, for example when the caller
 * needs the id at once. It publishes at once, even inside a JTA transaction that later rolls back;
 * {@code Event.fire} is the way to publish only after a commit.
 *
 * <p>Implementations are thread-safe. Every method returns the stored event's id, the value a
 * browser sees in {@code id:} and may send back as {@code Last-Event-ID}.
 */
public interface EventPublisher {

    /**
     * Stores and delivers an event.
     *
     * @return the event's id, never null
     * @throws EventRejectedException if the name, the audience key or the size is refused; nothing
     *     is stored
     */
    String publish(ServerEvent event);

    /** Publishes to every open connection; see {@link #publish(ServerEvent)}. */
    default String broadcast(String name, String data) {
        return publish(ServerEvent.broadcast(name, data));
    }

    /** Publishes to one session's connections; see {@link #publish(ServerEvent)}. */
    default String toSession(String sessionId, String name, String data) {
        return publish(ServerEvent.toSession(sessionId, name, data));
    }

    /** Publishes to one user's connections; see {@link #publish(ServerEvent)}. */
    default String toUser(String userName, String name, String data) {
        return publish(ServerEvent.toUser(userName, name, data));
    }

    /** Publishes to the connections that follow a topic; see {@link #publish(ServerEvent)}. */
    default String toTopic(String topic, String name, String data) {
        return publish(ServerEvent.toTopic(topic, name, data));
    }
}
