package org.resumablesse.jakarta.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.MessageHandler;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import org.resumablesse.core.Connection;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.jakarta.SseSessionManager;
import org.resumablesse.jakarta.StreamAdmission;

/**
 * The WebSocket endpoint of the stream: opens the connection that {@link HandshakeAdmission}
 * admitted on the engine with a {@link WebSocketTransport}, or closes the WebSocket with {@code
 * 4000 +} the status of the refusal (4400, 4429, 4503); the close reason of a refusal the client
 * outwaits is the {@code refused} event's JSON ({@code {"reason":"max-sessions","retry":30000}}),
 * else a plain-text message. What the client sends is read and dropped.
 *
 * <p>Stateless, so the container may use one instance for many sessions; each session's connection
 * lives in its user properties. Thread-safe.
 */
public final class EventStreamEndpoint extends Endpoint {

    /** The close code added to an HTTP status: 4503 for 503. */
    public static final int REFUSED_BASE = 4000;

    private static final String OPEN = "org.resumablesse.websocket.open";
    private static final int MAX_INCOMING = 4096;
    private static final int MAX_REASON = 120;

    private record Open(Connection connection, WebSocketTransport transport) {}

    private final HandshakeAdmission admissions;

    EventStreamEndpoint(HandshakeAdmission admissions) {
        this.admissions = admissions;
    }

    @Override
    public void onOpen(Session session, EndpointConfig config) {
        Object outcome = session.getUserProperties().remove(HandshakeAdmission.OUTCOME);
        if (outcome instanceof StreamAdmission.Refused refused) {
            refuse(session, refused);
            return;
        }
        if (!(outcome instanceof HandshakeAdmission.Pending pending)) {
            close(session, CloseReason.CloseCodes.UNEXPECTED_CONDITION, "not admitted");
            return;
        }
        if (!admissions.take(pending)) {
            refuse(
                    session,
                    StreamAdmission.later(
                            "handshake-too-slow", 30_000, "the handshake took too long"));
            return;
        }
        StreamAdmission.Admitted admitted = pending.admitted();
        session.setMaxIdleTimeout(0);
        session.setMaxTextMessageBufferSize(MAX_INCOMING);
        session.addMessageHandler(String.class, (MessageHandler.Whole<String>) ignored -> {});
        SseSessionManager found = admissions.manager();
        Executor closes = found.blockingWrites();
        WebSocketTransport transport =
                new WebSocketTransport(session.getAsyncRemote(), () -> closeLater(session, closes));
        Connection connection;
        try {
            connection = found.engine().open(admitted.admission(), transport).connection();
        } catch (ConnectionRefusedException e) {
            refuse(session, StreamAdmission.refusal(e));
            return;
        }
        session.getUserProperties().put(OPEN, new Open(connection, transport));
        if (!session.isOpen()) {
            // Closed before the connection was stored: onClose found nothing to end.
            ended(session);
        }
    }

    @Override
    public void onClose(Session session, CloseReason reason) {
        ended(session);
    }

    @Override
    public void onError(Session session, Throwable error) {
        ended(session);
    }

    private static void ended(Session session) {
        Object open = session.getUserProperties().remove(OPEN);
        if (open instanceof Open ended && ended.transport().gone()) {
            ended.connection().clientGone();
        }
    }

    private static void refuse(Session session, StreamAdmission.Refused refused) {
        close(
                session,
                CloseReason.CloseCodes.getCloseCode(REFUSED_BASE + refused.status()),
                refused.inBand() ? refused.json() : refused.message());
    }

    /** Closes on the executor: a close sends a frame, which may wait for the client. */
    private static void closeLater(Session session, Executor executor) {
        Runnable close = () -> close(session, CloseReason.CloseCodes.GOING_AWAY, "stream closed");
        try {
            executor.execute(close);
        } catch (RejectedExecutionException e) {
            close.run();
        }
    }

    private static void close(Session session, CloseReason.CloseCode code, String reason) {
        String phrase = reason.length() > MAX_REASON ? reason.substring(0, MAX_REASON) : reason;
        try {
            session.close(new CloseReason(code, phrase));
        } catch (IOException | RuntimeException e) {
            // Already closed, or the client is gone: nothing more to say.
        }
    }
}
