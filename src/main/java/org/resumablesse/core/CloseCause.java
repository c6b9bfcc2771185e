package org.resumablesse.core;

/** Why the engine closed a connection. */
public enum CloseCause {
    /** The client went away, seen when the transport reported itself closed. */
    CLIENT_GONE("client-gone"),
    /** Writing to the client failed. */
    WRITE_FAILURE("write-failure"),
    /** The client fell more than {@code max-queued-events} behind; it recovers by reconnecting. */
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
