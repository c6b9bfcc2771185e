package org.resumablesse.jakarta;

import java.security.Principal;
import java.util.List;

/**
 * A stream request as {@link StreamAdmission} reads it, whichever framework received it: the JAX-RS
 * filter and the Servlet front each wrap their own request type in one of these, so both admit
 * clients by the same code.
 *
 * <p>Implementations are views of one request, used on the thread that handles it. Every method
 * returns null (or an empty list) for what the request does not carry.
 */
public interface StreamRequest {

    /** The value of the named cookie, or null. */
    String cookie(String name);

    /** The first value of the named header, or null. */
    String header(String name);

    /** The first value of the named query parameter, or null. */
    String query(String name);

    /** Every value of the named query parameter, in request order; never null. */
    List<String> queryValues(String name);

    /** The authenticated user's name, or null. */
    String user();

    /**
     * The authenticated principal, or null; by default one that carries only {@link #user()}'s
     * name. Adapters give the container's own, so that an authorizer may look at its type.
     */
    default Principal principal() {
        String user = user();
        return user == null ? null : () -> user;
    }

    /** The request's raw path (not decoded), as the session cookie's default Path. */
    String rawPath();

    /** Whether the request came over HTTPS, as the container sees it. */
    boolean secure();

    /**
     * The client's IP address as text, as the container sees it (behind a proxy, the proxy's,
     * unless the container is told to trust a forwarding header); null when unknown.
     */
    String remoteAddress();
}
