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
        STORE_UNAVAILABLE,
        /**
         * The client's address was issued {@code max-new-sessions-per-address} sessions in this
         * interval already.
         */
        TOO_MANY_NEW_SESSIONS,
        /** This node has {@code max-connections} open already. */
        TOO_MANY_CONNECTIONS_IN_TOTAL
    }

    private final Reason reason;
    private final long retryAfterMillis;

    public ConnectionRefusedException(Reason reason, String message) {
        this(reason, message, -1);
    }

    /**
     * @param retryAfterMillis when the refusal will be over, as far as the engine knows; -1 when it
     *     does not
     */
    public ConnectionRefusedException(Reason reason, String message, long retryAfterMillis) {
        super(message);
        this.reason = reason;
        this.retryAfterMillis = retryAfterMillis;
    }

    public Reason reason() {
        return reason;
    }

    /** How long until the refusal is over, in milliseconds; -1 when the engine cannot tell. */
    public long retryAfterMillis() {
        return retryAfterMillis;
    }
}
