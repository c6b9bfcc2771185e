package org.resumablesse.jakarta.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import org.resumablesse.jakarta.SseSessionManager;
import org.resumablesse.jakarta.StreamAdmission;

/**
 * Admits a WebSocket client during its opening handshake, by {@link StreamAdmission} like the event
 * stream, because only the handshake carries the cookie and can answer with a new one. The outcome
 * travels to {@link EventStreamEndpoint#onOpen} in the user properties, which WebSocket 2.1 copies
 * per connection from those seen here. The WebSocket API cannot refuse a handshake with a status,
 * so a refusal is carried too, and the endpoint closes the connection with a code that names the
 * status.
 *
 * <p>Thread-safe; one instance per registered endpoint, owned by the container.
 */
final class HandshakeAdmission extends ServerEndpointConfig.Configurator {

    /** The user property that holds the {@link StreamAdmission.Outcome}. */
    static final String OUTCOME = "org.resumablesse.websocket.outcome";

    private volatile SseSessionManager manager;

    @Override
    public void modifyHandshake(
            ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        SseSessionManager found = manager();
        StreamAdmission.Outcome outcome =
                StreamAdmission.admit(
                        found.engine(),
                        found.endpoint(),
                        new HandshakeStreamRequest(request, streamPath(request.getRequestURI())));
        if (outcome instanceof StreamAdmission.Admitted admitted && admitted.setCookie() != null) {
            response.getHeaders().put("Set-Cookie", List.of(admitted.setCookie()));
        }
        config.getUserProperties().put(OUTCOME, outcome);
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
        return type.cast(new EventStreamEndpoint(this::manager));
    }

    /**
     * The event stream's path for this handshake's ({@code …/sse/events/ws} → {@code
     * …/sse/events}), so that the session cookie issued here is sent to both.
     */
    static String streamPath(URI uri) {
        String path = uri == null ? null : uri.getRawPath();
        if (path == null || path.isEmpty()) {
            return "/";
        }
        return path.endsWith("/ws") ? path.substring(0, path.length() - "/ws".length()) : path;
    }

    SseSessionManager manager() {
        SseSessionManager found = manager;
        if (found == null) {
            found = CDI.current().select(SseSessionManager.class).get();
            manager = found;
        }
        return found;
    }
}
