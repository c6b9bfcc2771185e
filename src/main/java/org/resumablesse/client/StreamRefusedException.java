package org.resumablesse.client;

import java.io.IOException;

/**
 * The stream answered with a status other than 200 (for example 502 from a proxy during a deploy),
 * or refused the client in-band: status 200 and a {@code refused} event naming a reason (a limit
 * reached, the store unavailable) and how long to wait. The source reconnects after its backoff,
 * and never before the hinted delay; this only tells the {@code onDisconnected} handler why.
 */
public final class StreamRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;
    private final String reason;

    /**
     * @param status the HTTP status of the refusal
     */
    public StreamRefusedException(int status) {
        super("the stream answered HTTP " + status);
        this.status = status;
        this.reason = null;
    }

    /**
     * An in-band refusal.
     *
     * @param reason the {@code refused} event's reason code, e.g. {@code max-sessions}
     * @param retryMillis the delay the server asked for
     */
    public StreamRefusedException(String reason, long retryMillis) {
        super("the stream refused the client (" + reason + "), retry in " + retryMillis + " ms");
        this.status = 200;
        this.reason = reason;
    }

    /** The HTTP status of the refusal: 200 for one made in-band. */
    public int status() {
        return status;
    }

    /** The reason code of an in-band refusal, or null for a status refusal. */
    public String reason() {
        return reason;
    }
}
