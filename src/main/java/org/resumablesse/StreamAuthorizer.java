package org.resumablesse;

import java.util.Collection;

/**
 * Decides which topics a stream connection may follow. An application that wants this provides
 * exactly one CDI bean of this type, application-scoped or dependent (a request-scoped one may find
 * no active request context during a WebSocket handshake); the module resolves it once at
 * deployment and asks it at every admission that asks for at least one topic, on every transport
 * (the JAX-RS stream, the Servlet front and the WebSocket stream), before any session is issued or
 * resumed and before anything is replayed, so one decision covers both the replay of a topic's
 * history and its live events.
 *
 * <p>A connection gets either all the topics it asked for or none: when the answer leaves out a
 * topic that was asked for, the connection is refused with {@code 403 Forbidden} (close code {@code
 * 4403} on the WebSocket stream), names the denied topics in its plain-text reason, and gets no
 * stream, no session and no replay. A browser's {@code EventSource} does not retry a 403.
 *
 * <p>Without such a bean every topic is open to every client, as in earlier versions. More than one
 * bean of this type fails the deployment, naming them. The broadcast stream, the connection's own
 * session and its principal's user stream are not topics and are not asked about: a user stream is
 * followed only by connections of that authenticated principal.
 *
 * <p>Called concurrently from container request threads: implementations must be thread-safe. The
 * call sits on the path of every connection and reconnection, so it should be quick; where it needs
 * a database, cache the answer.
 */
@FunctionalInterface
public interface StreamAuthorizer {

    /**
     * Answers which of the requested topics this request may follow.
     *
     * @param request the principal, the topics asked for ({@link AccessRequest#topics()}, never
     *     empty) and the headers; never null
     * @return the allowed topics; topics not asked for are ignored. Null counts as none allowed. An
     *     exception refuses the connection with {@code 503 Service Unavailable} and {@code
     *     Retry-After: 5} (close code {@code 4503}), so a failed decision never opens a stream.
     */
    Collection<String> allowedTopics(AccessRequest request);
}
