package org.resumablesse.core;

/**
 * Where the engine reports what happens, for an adapter to turn into metrics. Every method has an
 * empty default, so {@link #NONE} records nothing. Implementations must be thread-safe and quick:
 * they are called on publishing and delivery paths.
 */
public interface EngineMetrics {

    /** Records nothing. */
    EngineMetrics NONE = new EngineMetrics() {};

    /** An event was stored. */
    default void published() {}

    /** This many events (live or replayed) were written to one connection in one write. */
    default void delivered(int count) {}

    /** A reconnecting client was sent this many missed events. */
    default void replayed(int count) {}

    /** A client came back with a cursor. */
    default void reconnected() {}

    /**
     * A client came back with a cursor but without a live session, so it got a new one: its earlier
     * session's own events are not replayed.
     */
    default void sessionReplaced() {}

    /** A reconnecting client could not be recovered. */
    default void recoveryFailed(GapReason reason) {}

    /** A connection was closed by the engine or found gone. */
    default void connectionClosed(CloseCause cause) {}
}
