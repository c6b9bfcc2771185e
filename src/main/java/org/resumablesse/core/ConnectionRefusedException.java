package org.resumablesse.core;

/**
 * Thrown when a connection cannot be accepted because a limit is reached or its request is
 * malformed. Problems a client recovers from by itself (an unknown session, a gap) are never
 * refused: they are told in-band.
 */
public class ConnectionRefusedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why a connection was refused. */
    public enum Reason {
        /** A topic is malformed or too many are asked for; the request must change. */
        BAD_REQUEST,
        /** The session has {@code max-connections-per-session} open already. */
        TOO_MANY_CONNECTIONS,
        /** {@code max-sessions} are held already. */
        TOO_MANY_SESSIONS,
        /** The module is not running. */
        NOT_RUNNING,
        /** The shared store (Redis) cannot be reached; the client should come back later. */
        STORE_UNAVAILABLE
    }

    private final Reason reason;

    public ConnectionRefusedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
