package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import org.resumablesse.jakarta.ClientAddress;

/**
 * Keeps each request's client address in {@link ClientAddress} while the request is served, for the
 * JAX-RS filter and the WebSocket handshake, whose APIs do not expose it. Registered by {@link
 * ServletFront} for every request of the application; costs a thread-local set and remove each.
 *
 * <p>Stateless and thread-safe.
 */
final class RequestAddress implements ServletRequestListener {

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        ClientAddress.set(event.getServletRequest().getRemoteAddr());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        ClientAddress.clear();
    }
}
