package org.resumablesse;

import java.util.Optional;

/**
 * Read-only view of the sessions the module holds; the CDI bean of this type is application-scoped.
 * Useful to check whether a session still exists before addressing it, and for health pages.
 * Thread-safe.
 */
public interface SessionDirectory {

    /**
     * Finds a live session (connected, or disconnected and not yet expired) by its public id.
     *
     * @param sessionId the public session id; null or unknown gives an empty result
     */
    Optional<SessionInfo> find(String sessionId);

    /** How many sessions are held now, connected or not. */
    int sessionCount();
}
