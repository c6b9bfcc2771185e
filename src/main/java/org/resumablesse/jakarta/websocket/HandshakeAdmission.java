package org.resumablesse.jakarta.websocket;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.resumablesse.core.SseEngine;
import org.resumablesse.jakarta.ClientAddress;
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

    /**
     * The user property that holds the outcome: a {@link Pending} admission or a {@link
     * StreamAdmission.Refused}.
     */
    static final String OUTCOME = "org.resumablesse.websocket.outcome";

    /** How long an admission may wait for its connection to open before its slot is given back. */
    static final long GIVE_BACK_NANOS = TimeUnit.SECONDS.toNanos(60);

    /** An admission waiting for its connection to open; compared by identity. */
    static final class Pending {
        private final StreamAdmission.Admitted admitted;
        private final long sinceNanos;

        Pending(StreamAdmission.Admitted admitted, long sinceNanos) {
            this.admitted = admitted;
            this.sinceNanos = sinceNanos;
        }

        StreamAdmission.Admitted admitted() {
            return admitted;
        }
    }

    private final Set<Pending> unopened = ConcurrentHashMap.newKeySet();
    private volatile SseSessionManager manager;

    @Override
    public void modifyHandshake(
            ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        SseSessionManager found = manager();
        long now = System.nanoTime();
        giveBackStale(found.engine(), now);
        StreamAdmission.Outcome outcome =
                StreamAdmission.admit(
                        found.engine(),
                        found.endpoint(),
                        found.access(),
                        new HandshakeStreamRequest(
                                request,
                                streamPath(request.getRequestURI()),
                                ClientAddress.current()));
        if (outcome instanceof StreamAdmission.Admitted admitted) {
            if (admitted.setCookie() != null) {
                response.getHeaders().put("Set-Cookie", List.of(admitted.setCookie()));
            }
            config.getUserProperties().put(OUTCOME, pending(admitted, now));
        } else {
            config.getUserProperties().put(OUTCOME, outcome);
        }
    }

    /** Holds an admission until its connection opens or {@link #giveBackStale} gives it back. */
    Pending pending(StreamAdmission.Admitted admitted, long nowNanos) {
        Pending pending = new Pending(admitted, nowNanos);
        unopened.add(pending);
        return pending;
    }

    /**
     * Takes over a pending admission for its connection.
     *
     * @return false when it waited so long that its slot was given back
     */
    boolean take(Pending pending) {
        return unopened.remove(pending);
    }

    /**
     * Gives back the slots of admissions whose connection never opened (the handshake failed after
     * this configurator ran), so that they do not hold their session's connections forever.
     */
    void giveBackStale(SseEngine engine, long nowNanos) {
        for (Pending pending : unopened) {
            if (nowNanos - pending.sinceNanos > GIVE_BACK_NANOS && unopened.remove(pending)) {
                engine.cancel(pending.admitted.admission());
            }
        }
    }

    @Override
    public <T> T getEndpointInstance(Class<T> type) {
        return type.cast(new EventStreamEndpoint(this));
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
