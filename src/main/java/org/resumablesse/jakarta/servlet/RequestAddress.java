package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;

/**
 * Keeps the client address of the request the current thread serves, for the WebSocket handshake:
 * the WebSocket API does not expose it, but both containers run the handshake on the thread of the
 * upgrade request. Registered by {@link ServletFront} for every request of the application; costs a
 * thread-local set and remove per request.
 *
 * <p>Thread-safe: each thread sees only its own request's address.
 */
public final class RequestAddress implements ServletRequestListener {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    /** The client address of the request this thread serves, or null outside one. */
    public static String current() {
        return CURRENT.get();
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        CURRENT.set(event.getServletRequest().getRemoteAddr());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }
}
