package org.resumablesse.client;

import java.io.IOException;

/**
 * The stream answered with a status other than 200 (for example 429 or 503 with {@code
 * Retry-After}, or 502 from a proxy during a deploy). The source reconnects after its backoff; this
 * only tells the {@code onDisconnected} handler why.
 */
public final class StreamRefusedException extends IOException {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param status the HTTP status of the refusal
     */
    public StreamRefusedException(int status) {
        super("the stream answered HTTP " + status);
        this.status = status;
    }

    /** The HTTP status of the refusal. */
    public int status() {
        return status;
    }
}
