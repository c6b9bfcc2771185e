package org.resumablesse.core;

import java.util.List;
import java.util.Optional;
import java.util.function.LongSupplier;
import org.resumablesse.Audience;

/**
 * Gives sessions new tokens: when an anonymous session's client signs in, and when the application
 * asks. The store swaps the token's hash, so the old token resumes nothing from then on, on every
 * node; the session's open connections on this node are closed, so a holder of the old token stops
 * receiving and the legitimate client reconnects with the new one and resumes from its cursor.
 *
 * <p>Thread-safe: it holds no state of its own. Made and owned by {@link SseEngine}.
 */
final class TokenRotation {

    private final SessionRegistry sessions;
    private final Subscriptions subscriptions;
    private final LongSupplier sessionTime;

    TokenRotation(SessionRegistry sessions, Subscriptions subscriptions, LongSupplier sessionTime) {
        this.sessions = sessions;
        this.subscriptions = subscriptions;
        this.sessionTime = sessionTime;
    }

    /**
     * The new token of a session that a signed-in request has just attached to.
     *
     * @return empty when the session expired meanwhile; the attached slot is then given back
     */
    Optional<String> afterSignIn(Session attached, String user, String binding) {
        Optional<String> rotated = sessions.rotate(attached.id(), user, binding);
        if (rotated.isEmpty()) {
            sessions.detach(attached, sessionTime.getAsLong());
        } else {
            closeConnections(attached.stream());
        }
        return rotated;
    }

    /**
     * The new token of a live session, asked for by the application.
     *
     * @return empty when no live session has this id
     */
    Optional<String> onDemand(String sessionId, String user, String binding) {
        Optional<String> rotated = sessions.rotate(sessionId, user, binding);
        rotated.ifPresent(token -> closeConnections(Audience.session(sessionId)));
        return rotated;
    }

    private void closeConnections(Audience sessionStream) {
        for (Connection connection : List.copyOf(subscriptions.followers(sessionStream))) {
            connection.close(CloseCause.TOKEN_ROTATED);
        }
    }
}
