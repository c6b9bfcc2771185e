package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletRequest;
import java.io.IOException;
import java.lang.reflect.Method;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The TCP connection under an OpenLiberty request, for the one thing the Servlet API cannot do
 * there: drop a stream whose client stopped reading. OpenLiberty's non-blocking {@code write}
 * blocks its thread once the socket's buffers are full, and an ending response would wait behind
 * the same write; closing the connection below HTTP ends that write with an error at once and frees
 * the thread.
 *
 * <p>Reached by reflection through public methods of OpenLiberty's request and HTTP connection (its
 * channel framework's {@code ConnectionLink.close}); anywhere else, or if they change, {@link #of}
 * returns null and a stalled write ends only at the server's own write timeout ({@code httpOptions
 * writeTimeout}, 60 s by default). Thread-safe.
 */
final class LibertyConnection {

    private static final Logger LOG = Logger.getLogger(LibertyConnection.class.getName());

    private final Object link;
    private final Object virtualConnection;
    private final Method close;

    private LibertyConnection(Object link, Object virtualConnection, Method close) {
        this.link = link;
        this.virtualConnection = virtualConnection;
        this.close = close;
    }

    /** The connection under an OpenLiberty request, or null for any other container. */
    static LibertyConnection of(ServletRequest request) {
        ServletRequest unwrapped = Reflection.unwrap(request);
        String type = unwrapped.getClass().getName();
        if (!type.startsWith("com.ibm.ws.") && !type.startsWith("io.openliberty.")) {
            return null;
        }
        try {
            Object inbound =
                    Reflection.call(
                            Reflection.call(unwrapped, "getIRequest"), "getHttpInboundConnection");
            Object device = Reflection.call(inbound, "getHttpInboundDeviceLink");
            Object vc = Reflection.call(inbound, "getVC");
            return new LibertyConnection(device, vc, closeMethod(device));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No OpenLiberty connection under " + type, e);
            return null;
        }
    }

    /**
     * Closes the TCP connection now, dropping what is unsent; a write blocked on it fails. Never
     * waits for the client.
     */
    void terminate() {
        try {
            close.invoke(link, virtualConnection, new IOException("client stopped reading"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "OpenLiberty connection not closed", e);
        }
    }

    /** {@code close(VirtualConnection, Exception)}, found through the link's public interface. */
    private static Method closeMethod(Object link) throws NoSuchMethodException {
        for (Class<?> type : link.getClass().getInterfaces()) {
            for (Method method : type.getMethods()) {
                Class<?>[] parameters = method.getParameterTypes();
                if (method.getName().equals("close")
                        && parameters.length == 2
                        && parameters[1] == Exception.class) {
                    return method;
                }
            }
        }
        Method method = null;
        for (Method candidate : link.getClass().getMethods()) {
            if (candidate.getName().equals("close") && candidate.getParameterCount() == 2) {
                method = candidate;
            }
        }
        if (method == null) {
            throw new NoSuchMethodException("close(VirtualConnection, Exception)");
        }
        method.setAccessible(true);
        return method;
    }
}
