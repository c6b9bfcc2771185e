package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletRequest;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The Grizzly connection under a Payara request, for two things the Servlet API does not offer
 * there:
 *
 * <ul>
 *   <li><b>A bound on unsent bytes.</b> Grizzly accepts non-blocking writes into a per-connection
 *       queue and keeps {@code isReady()} true until that queue holds four times the socket's send
 *       buffer (about 8 MB per connection on loopback here), so a client that stops reading would
 *       pin that much heap. Lowering the connection's queue limit makes {@code isReady()} turn
 *       false at the bound.
 *   <li><b>Seeing the client leave.</b> Grizzly reads the client's close and closes the connection,
 *       but tells neither a {@code ReadListener} nor an {@code AsyncListener}; a close listener on
 *       the connection hears it at once.
 * </ul>
 *
 * Reached by reflection through public methods of Payara's request and Grizzly's connection;
 * anywhere else (or if they change) {@link #of} returns null and the container's own behaviour
 * applies. Thread-safe.
 */
final class GrizzlyConnection {

    private static final Logger LOG = Logger.getLogger(GrizzlyConnection.class.getName());

    private final Object connection;

    private GrizzlyConnection(Object connection) {
        this.connection = connection;
    }

    /** The connection under a Payara request, or null for any other container. */
    static GrizzlyConnection of(ServletRequest request) {
        ServletRequest unwrapped = Reflection.unwrap(request);
        if (!unwrapped.getClass().getName().startsWith("org.apache.catalina.")) {
            return null;
        }
        try {
            Object catalina = Reflection.call(unwrapped, "getUnwrappedCoyoteRequest");
            Object grizzly = Reflection.call(catalina, "getCoyoteRequest");
            return new GrizzlyConnection(
                    Reflection.call(Reflection.call(grizzly, "getContext"), "getConnection"));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "No Grizzly connection under " + unwrapped.getClass(), e);
            return null;
        }
    }

    /** Sets the most bytes Grizzly queues for this connection before isReady() turns false. */
    boolean limitWriteQueue(int bytes) {
        try {
            connection
                    .getClass()
                    .getMethod("setMaxAsyncWriteQueueSize", int.class)
                    .invoke(connection, bytes);
            return true;
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Grizzly write queue limit not set", e);
            return false;
        }
    }

    /**
     * Closes the connection at once, dropping what its write queue still holds: for a client that
     * stopped reading, whose graceful close would wait for that queue to drain.
     */
    void terminate() {
        try {
            connection.getClass().getMethod("terminateSilently").invoke(connection);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Grizzly connection not terminated", e);
        }
    }

    /**
     * Runs the action once when the connection closes.
     *
     * @return removes the listener (for a response ended on purpose on a kept-alive connection);
     *     null when no listener could be added
     */
    Runnable onClose(Runnable action) {
        try {
            Class<?> type =
                    Class.forName(
                            "org.glassfish.grizzly.CloseListener",
                            false,
                            connection.getClass().getClassLoader());
            Object listener =
                    Proxy.newProxyInstance(
                            type.getClassLoader(), new Class<?>[] {type}, handler(action));
            Method add = connection.getClass().getMethod("addCloseListener", type);
            Method remove = connection.getClass().getMethod("removeCloseListener", type);
            add.invoke(connection, listener);
            watchReads();
            return () -> {
                try {
                    remove.invoke(connection, listener);
                } catch (ReflectiveOperationException | RuntimeException e) {
                    // The connection is gone already.
                }
            };
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            LOG.log(Level.FINE, "Grizzly close listener not added", e);
            return null;
        }
    }

    /**
     * Asks the selector to report reads on the connection again: Grizzly stops reading while a
     * request is being served, so without this it never sees the client's FIN.
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private void watchReads() throws ReflectiveOperationException {
        Class<?> event =
                Class.forName(
                        "org.glassfish.grizzly.IOEvent",
                        false,
                        connection.getClass().getClassLoader());
        Object read = Enum.valueOf((Class<Enum>) event, "READ");
        connection.getClass().getMethod("enableIOEvent", event).invoke(connection, read);
    }

    private static InvocationHandler handler(Runnable action) {
        return (proxy, method, args) ->
                switch (method.getName()) {
                    case "onClosed" -> {
                        action.run();
                        yield null;
                    }
                    case "equals" -> proxy == args[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "toString" -> "resumable-sse close listener";
                    default -> null;
                };
    }
}
