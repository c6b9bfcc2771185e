package org.resumablesse.core;

import java.util.ArrayList;
import java.util.List;

/**
 * A browser tab in tests: connects, remembers its resume token and the last event id it saw, and
 * reconnects with them like an EventSource with a cookie.
 */
final class Client {

    /** One connection of the client. */
    static final class Connected {
        final SseEngine.Opened opened;
        final RecordingTransport transport;

        Connected(SseEngine.Opened opened, RecordingTransport transport) {
            this.opened = opened;
            this.transport = transport;
        }

        /** The client goes away and the adapter reports it to the engine. */
        void disconnect() {
            transport.disconnect();
            opened.connection().close(CloseCause.CLIENT_GONE);
        }

        ConnectedEvent connected() {
            return ConnectedEvent.of(transport);
        }
    }

    final String token;
    final String sessionId;
    final List<Connected> connections = new ArrayList<>();

    private Client(String token, String sessionId) {
        this.token = token;
        this.sessionId = sessionId;
    }

    /** A first visit: no token, no cursor. */
    static Client connect(SseEngine engine, String... topics) {
        Admission admission = engine.admit(null, null, List.of(topics), null);
        Client client = new Client(admission.token(), admission.session().id());
        client.open(engine, admission);
        return client;
    }

    /** Another connection with the token and this client's last event id, as after a drop. */
    Connected reconnect(SseEngine engine, String... topics) {
        return open(engine, engine.admit(token, lastEventId(), List.of(topics), null));
    }

    private Connected open(SseEngine engine, Admission admission) {
        RecordingTransport transport = new RecordingTransport();
        Connected connected = new Connected(engine.open(admission, transport), transport);
        connections.add(connected);
        return connected;
    }

    Connected latest() {
        return connections.get(connections.size() - 1);
    }

    /** The last event id of the latest connection, as the browser would send it. */
    String lastEventId() {
        return latest().transport.parsed().lastEventId();
    }

    /** Disconnects the latest connection. */
    void disconnect() {
        latest().disconnect();
    }
}
