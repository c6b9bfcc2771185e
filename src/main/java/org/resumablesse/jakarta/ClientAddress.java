package org.resumablesse.jakarta;

/**
 * The client address of the request the current thread serves, for the fronts whose API does not
 * give it: the JAX-RS filter and the WebSocket handshake. Set by a Servlet request listener ({@code
 * servlet.RequestAddress}) that the Servlet front registers; both containers run the JAX-RS filter
 * and the WebSocket handshake on the thread of their Servlet request. This class names no Servlet
 * type, so the JAX-RS path still loads where the Servlet API is not visible (the address is then
 * unknown). Internal to the adapter.
 *
 * <p>Thread-safe: each thread sees only its own request's address.
 */
public final class ClientAddress {

    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();

    private ClientAddress() {}

    /** The client address of the request this thread serves, or null when unknown. */
    public static String current() {
        return CURRENT.get();
    }

    /** Sets this thread's address for the request it starts serving. */
    public static void set(String address) {
        CURRENT.set(address);
    }

    /** Forgets this thread's address once its request is done. */
    public static void clear() {
        CURRENT.remove();
    }
}
