package org.resumablesse;

import java.security.Principal;
import java.util.List;

/**
 * What a {@link StreamAuthorizer} sees of one stream request: the authenticated principal, the
 * topics asked for and the request's headers. A read-only view that looks the same whichever
 * transport received the request (the JAX-RS stream, the Servlet front at {@code /sse/events}, the
 * WebSocket stream at {@code /sse/events/ws}, where the headers are those of the opening
 * handshake).
 *
 * <p>Valid only during the {@link StreamAuthorizer#allowedTopics} call that received it, on that
 * call's thread; do not keep it.
 */
public interface AccessRequest {

    /** The authenticated principal as the container sees it, or null for an anonymous request. */
    Principal principal();

    /** The principal's name, or null for an anonymous request. */
    default String userName() {
        Principal principal = principal();
        return principal == null ? null : principal.getName();
    }

    /**
     * The topics asked for, each once, in request order; never null and never empty when the
     * authorizer is asked. Every one is a well-formed topic name ({@code [A-Za-z0-9._:/-]{1,128}}).
     */
    List<String> topics();

    /**
     * The first value of a request header, for example {@code Authorization}, {@code Origin} or an
     * API key of the application's own.
     *
     * @param name the header name, in any letter case
     * @return its first value, or null when the request does not carry it
     */
    String header(String name);

    /** Whether the request came over HTTPS (or WSS), as the container sees it. */
    boolean secure();
}
