package org.resumablesse.core;

/** Why the engine closed a connection. */
public enum CloseCause {
    /** The client went away, seen when the transport reported itself closed. */
    CLIENT_GONE("client-gone"),
    /** Writing to the client failed, or made no progress for {@code write-timeout}. */
    WRITE_FAILURE("write-failure"),
    /**
     * The client fell so far behind that history no longer holds what it has not received; it
     * reconnects and is told of the gap ({@code overflow}).
     */
    TOO_SLOW("too-slow"),
    /**
     * The session was given a new token (on demand, or because its client signed in): its open
     * connections on this node close, so whoever held the old token stops receiving its events; a
     * client that holds the new token reconnects and resumes where it was.
     */
    TOKEN_ROTATED("token-rotated"),
    /** The module is stopping (undeploy). */
    SHUTDOWN("shutdown");

    private final String wireName;

    CloseCause(String wireName) {
        this.wireName = wireName;
    }

    /** The name used in metrics. */
    public String wireName() {
        return wireName;
    }
}
