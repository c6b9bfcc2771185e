package org.resumablesse;

import java.util.Objects;

/**
 * Who receives an event: every connection, the connections of one session, of one user, or those
 * that follow a topic.
 *
 * <p>Immutable and thread-safe. {@link #key()} is empty for {@link Kind#BROADCAST} and never null.
 *
 * @param kind the kind of audience, never null
 * @param key the public session id, user name or topic name; empty for a broadcast
 */
public record Audience(Kind kind, String key) {

    private static final Audience EVERYONE = new Audience(Kind.BROADCAST, "");

    /** The four kinds of audience; each has a stream of its own in the event store. */
    public enum Kind {
        /** Every open connection. */
        BROADCAST,
        /** The connections of one session, addressed by its public session id. */
        SESSION,
        /** The connections whose authenticated principal has this name. */
        USER,
        /** The connections that asked for this topic with a {@code topic} query parameter. */
        TOPIC
    }

    /**
     * Checks the parts; the key is validated further when the event is published.
     *
     * @throws NullPointerException if kind or key is null
     */
    public Audience {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(key, "key");
    }

    /** Every open connection. */
    public static Audience everyone() {
        return EVERYONE;
    }

    /** The connections of the session with this public id. */
    public static Audience session(String sessionId) {
        return new Audience(Kind.SESSION, sessionId);
    }

    /** The connections of the user with this principal name. */
    public static Audience user(String userName) {
        return new Audience(Kind.USER, userName);
    }

    /** The connections that follow this topic. */
    public static Audience topic(String topic) {
        return new Audience(Kind.TOPIC, topic);
    }
}
