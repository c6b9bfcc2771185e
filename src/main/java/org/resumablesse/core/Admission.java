package org.resumablesse.core;

import java.util.Set;
import org.resumablesse.Audience;

/**
 * A client let in but not yet streaming: its session (resumed or new, with a connection slot held),
 * the token to give back in the cookie, the streams it follows and the cursor text it brought. Made
 * by {@link SseEngine#admit}; either opened with {@link SseEngine#open} or given back with {@link
 * SseEngine#cancel}.
 *
 * @param session the session, or null when reconnection is disabled
 * @param token the secret token to set in the cookie, or null when reconnection is disabled
 * @param newSession whether the session was issued for this request
 * @param streams the streams to follow
 * @param cursorText the cursor the client sent, or null when none or reconnection is disabled
 */
public record Admission(
        Session session,
        String token,
        boolean newSession,
        Set<Audience> streams,
        String cursorText) {

    @Override
    public String toString() {
        // The token is secret: it never reaches a log.
        return "Admission[" + session + ", new=" + newSession + ", streams=" + streams.size() + "]";
    }
}
