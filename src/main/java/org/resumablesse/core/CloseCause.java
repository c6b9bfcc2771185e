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
