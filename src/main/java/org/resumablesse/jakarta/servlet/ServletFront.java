package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import jakarta.servlet.ServletRegistration;
import java.util.Set;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;
import org.resumablesse.jakarta.BuiltInMount;
import org.resumablesse.jakarta.TransportSettings;
import org.resumablesse.jakarta.websocket.WebSocketFront;

/**
 * Mounts {@link EventStreamServlet} at {@value #PATH} in every WAR that bundles the library and can
 * see the Servlet API, unless {@code resumable-sse.transport=jaxrs}. The exact mapping wins over
 * the JAX-RS application's {@code /sse/*}, so the library's own mount is served by the Servlet
 * transport while an application's own JAX-RS path ({@code <app-path>/events}) stays on JAX-RS. A
 * {@code web.xml} that declares a servlet named {@value #NAME} (with its own mapping) moves it.
 * Where the application has a WebSocket container, it also mounts the WebSocket stream ({@link
 * WebSocketFront}), whatever the transport setting. With {@code resumable-sse.mount=false} it
 * mounts neither, so that only the application's own JAX-RS path serves the stream.
 *
 * <p>Found by the container through {@code META-INF/services}; stateless.
 */
public final class ServletFront implements ServletContainerInitializer {

    /** The servlet's name, for a {@code servlet-mapping} in {@code web.xml}. */
    public static final String NAME = "org.resumablesse.EventStream";

    /** The path the stream is mounted at. */
    public static final String PATH = "/sse/events";

    private static final Logger LOG = Logger.getLogger(ServletFront.class.getName());

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(new RequestAddress());
        Config config = ConfigProvider.getConfig(context.getClassLoader());
        if (!BuiltInMount.enabled(config)) {
            LOG.fine("resumable-sse.mount=false: neither " + PATH + " nor its WebSocket mounted");
            return;
        }
        mountWebSocket(context);
        TransportSettings settings = TransportSettings.read(config);
        if (!settings.servletFront()) {
            LOG.fine("resumable-sse.transport=jaxrs: the JAX-RS resource serves " + PATH);
            return;
        }
        ServletRegistration.Dynamic servlet =
                context.addServlet(NAME, new EventStreamServlet(settings));
        if (servlet == null) {
            // Declared in web.xml with a class of its own: the application decides.
            return;
        }
        servlet.setAsyncSupported(true);
        if (!servlet.getMappings().isEmpty()) {
            // Declared in web.xml by name with a servlet-mapping: mounted there instead.
            return;
        }
        Set<String> taken = servlet.addMapping(PATH);
        if (!taken.isEmpty()) {
            LOG.warning(PATH + " is mapped by the application already; not mounting the stream");
        }
    }

    /**
     * Mounts the WebSocket stream where the application has a WebSocket container. Its initializer
     * may run after this one, so where the container is not there yet, this looks again once the
     * context is initialized; where it never is, the WebSocket API is never loaded.
     */
    private static void mountWebSocket(ServletContext context) {
        if (context.getAttribute(WebSocketFront.CONTAINER_ATTRIBUTE) != null) {
            WebSocketFront.register(context);
            return;
        }
        context.addListener(
                new ServletContextListener() {
                    @Override
                    public void contextInitialized(ServletContextEvent event) {
                        if (context.getAttribute(WebSocketFront.CONTAINER_ATTRIBUTE) != null) {
                            WebSocketFront.register(context);
                        }
                    }
                });
    }
}
