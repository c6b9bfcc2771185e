package org.resumablesse.client;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.client.ClientResponseContext;
import jakarta.ws.rs.client.ClientResponseFilter;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Puts one attempt's headers on its request and reads its response: the session cookie, the status,
 * {@code Retry-After}, and the end of the body. An attempt makes one request: a second one through
 * the same target is the JAX-RS implementation reconnecting on its own, which the source does
 * itself, so it is stopped before it reaches the network.
 */
final class AttemptFilter implements ClientRequestFilter, ClientResponseFilter {

    static final String SESSION_HEADER = "X-SSE-Session-ID";

    private final StreamConnector.Request request;
    private final StreamConnector.Listener listener;
    private final String cookieName;
    private final AtomicBoolean sent = new AtomicBoolean();

    AttemptFilter(
            StreamConnector.Request request, StreamConnector.Listener listener, String cookieName) {
        this.request = request;
        this.listener = listener;
        this.cookieName = cookieName;
    }

    @Override
    public void filter(ClientRequestContext context) {
        if (!sent.compareAndSet(false, true)) {
            context.abortWith(Response.noContent().build());
            return;
        }
        context.getHeaders().remove("Last-Event-ID");
        if (request.headerCursor() != null) {
            context.getHeaders().putSingle("Last-Event-ID", request.headerCursor());
        }
        if (request.token() != null) {
            context.getHeaders().putSingle(SESSION_HEADER, request.token());
        }
    }

    @Override
    public void filter(ClientRequestContext requestContext, ClientResponseContext response) {
        if (response.getStatus() == 204) {
            return; // our own abort of a second request
        }
        NewCookie cookie = response.getCookies().get(cookieName);
        listener.response(
                response.getStatus(),
                cookie == null ? null : cookie.getValue(),
                retryAfter(response));
        if (response.getStatus() != 200) {
            listener.ended(new StreamRefusedException(response.getStatus()));
        } else if (response.hasEntity()) {
            response.setEntityStream(
                    new EndWatch(response.getEntityStream(), listener::ended, listener::activity));
        }
    }

    private static long retryAfter(ClientResponseContext response) {
        String value = response.getHeaderString("Retry-After");
        if (value == null) {
            return -1;
        }
        try {
            return Long.parseLong(value.trim()) * 1000;
        } catch (NumberFormatException e) {
            return -1; // an HTTP date: the backoff alone decides
        }
    }
}
