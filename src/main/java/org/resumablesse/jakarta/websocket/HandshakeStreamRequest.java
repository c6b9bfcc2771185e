package org.resumablesse.jakarta.websocket;

import jakarta.websocket.server.HandshakeRequest;
import java.net.URI;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.resumablesse.jakarta.StreamRequest;

/**
 * A WebSocket opening handshake seen as a {@link StreamRequest}, so that it is admitted by the same
 * code as the event stream. Cookies are read from the {@code Cookie} headers, since the WebSocket
 * API does not parse them. Used on the thread that runs the handshake.
 */
final class HandshakeStreamRequest implements StreamRequest {

    private final HandshakeRequest request;
    private final String streamPath;
    private final String remoteAddress;

    /**
     * @param streamPath the raw path the session cookie is scoped to: the event stream's, so that
     *     one cookie serves both
     * @param remoteAddress the client's address, which the WebSocket API does not expose; null when
     *     unknown
     */
    HandshakeStreamRequest(HandshakeRequest request, String streamPath, String remoteAddress) {
        this.request = request;
        this.streamPath = streamPath;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public String cookie(String name) {
        for (String header : values(request.getHeaders(), "Cookie")) {
            for (String pair : header.split(";")) {
                int equals = pair.indexOf('=');
                if (equals > 0 && pair.substring(0, equals).trim().equals(name)) {
                    return unquote(pair.substring(equals + 1).trim());
                }
            }
        }
        return null;
    }

    private static String unquote(String value) {
        boolean quoted = value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"");
        return quoted ? value.substring(1, value.length() - 1) : value;
    }

    @Override
    public String header(String name) {
        List<String> found = values(request.getHeaders(), name);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public String query(String name) {
        List<String> found = queryValues(name);
        return found.isEmpty() ? null : found.get(0);
    }

    @Override
    public List<String> queryValues(String name) {
        List<String> found = request.getParameterMap().get(name);
        return found == null ? List.of() : List.copyOf(found);
    }

    @Override
    public String user() {
        Principal user = principal();
        return user == null ? null : user.getName();
    }

    @Override
    public Principal principal() {
        return request.getUserPrincipal();
    }

    @Override
    public String rawPath() {
        return streamPath;
    }

    @Override
    public boolean secure() {
        URI uri = request.getRequestURI();
        String scheme = uri == null ? null : uri.getScheme();
        return "wss".equalsIgnoreCase(scheme) || "https".equalsIgnoreCase(scheme);
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }

    /** Header names are case-insensitive; containers differ in how they key the map. */
    private static List<String> values(Map<String, List<String>> headers, String name) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getKey() != null
                    && header.getKey().equalsIgnoreCase(name)
                    && header.getValue() != null) {
                return header.getValue();
            }
        }
        return List.of();
    }
}
