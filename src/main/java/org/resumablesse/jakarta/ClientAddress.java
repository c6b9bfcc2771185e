package org.resumablesse.jakarta;

import jakarta.enterprise.inject.spi.CDI;

/**
 * The client's address for a request whose own API does not give it (JAX-RS, the WebSocket
 * handshake): read from the container's CDI bean for the current {@code HttpServletRequest}, by
 * name, so that nothing here needs the Servlet API when the application cannot see it. Stateless.
 */
public final class ClientAddress {

    private static final String SERVLET_REQUEST = "jakarta.servlet.http.HttpServletRequest";

    private ClientAddress() {}

    /** The current request's remote address, or null when it cannot be known. */
    public static String ofCurrentRequest() {
        try {
            Class<?> type =
                    Class.forName(SERVLET_REQUEST, false, ClientAddress.class.getClassLoader());
            Object request = CDI.current().select(type).get();
            Object address = type.getMethod("getRemoteAddr").invoke(request);
            return address instanceof String text && !text.isEmpty() ? text : null;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            // No Servlet API, no active request context, or a container without the bean.
            return null;
        }
    }
}
