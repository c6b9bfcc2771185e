package org.resumablesse;

import java.util.Objects;

/**
 * What an application may know of a session: its public id and how many connections it has open.
 * The secret resume token is never part of it. Immutable.
 *
 * @param sessionId the public session id, the key to address the session with {@link
 *     ServerEvent#toSession}
 * @param openConnections how many streams of this session are open on this node now
 */
public record SessionInfo(String sessionId, int openConnections) {

    /**
     * @throws NullPointerException if sessionId is null
     * @throws IllegalArgumentException if openConnections is negative
     */
    public SessionInfo {
        Objects.requireNonNull(sessionId, "sessionId");
        if (openConnections < 0) {
            throw new IllegalArgumentException("openConnections < 0: " + openConnections);
        }
    }

    /** True while at least one stream of the session is open. */
    public boolean connected() {
        return openConnections > 0;
    }
}
