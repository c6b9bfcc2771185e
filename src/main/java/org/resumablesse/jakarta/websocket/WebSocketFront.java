package org.resumablesse.jakarta.websocket;

import jakarta.servlet.ServletContext;
import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerContainer;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.logging.Logger;

/**
 * Registers {@link EventStreamEndpoint} at {@value #PATH} with the application's WebSocket
 * container. Called by the Servlet front only where the container is present (the servlet context
 * attribute {@value #CONTAINER_ATTRIBUTE}), so this class, and the WebSocket API, are never loaded
 * elsewhere. Stateless.
 */
public final class WebSocketFront {

    /** The endpoint's path, under the event stream's so that the session cookie reaches both. */
    public static final String PATH = "/sse/events/ws";

    /** The servlet context attribute that holds the WebSocket container. */
    public static final String CONTAINER_ATTRIBUTE = "jakarta.websocket.server.ServerContainer";

    private static final Logger LOG = Logger.getLogger(WebSocketFront.class.getName());

    private WebSocketFront() {}

    /**
     * Adds the endpoint to the context's WebSocket container.
     *
     * @return false when the context has no WebSocket container (yet)
     */
    public static boolean register(ServletContext context) {
        if (!(context.getAttribute(CONTAINER_ATTRIBUTE) instanceof ServerContainer container)) {
            return false;
        }
        ServerEndpointConfig config =
                ServerEndpointConfig.Builder.create(EventStreamEndpoint.class, PATH)
                        .configurator(new HandshakeAdmission())
                        .build();
        try {
            container.addEndpoint(config);
        } catch (DeploymentException | IllegalStateException e) {
            LOG.warning("The WebSocket stream is not available at " + PATH + ": " + e);
        }
        return true;
    }
}
