package org.resumablesse.client;

import jakarta.ws.rs.client.Client;
import jakarta.ws.rs.client.WebTarget;
import jakarta.ws.rs.sse.InboundSseEvent;
import jakarta.ws.rs.sse.SseEventSource;
import java.net.URI;
import java.util.concurrent.TimeUnit;

/**
 * Attempts made with the Jakarta REST client's {@link SseEventSource}: one source per attempt, on a
 * new target of the client so each attempt has its own {@link AttemptFilter}. The source's own
 * reconnection is left unused; {@link ResumableEventSource} decides when to come back.
 */
final class JaxRsConnector implements StreamConnector {

    private final Client client;
    private final boolean ownClient;
    private final URI events;
    private final String cookieName;

    JaxRsConnector(Client client, boolean ownClient, URI events, String cookieName) {
        this.client = client;
        this.ownClient = ownClient;
        this.events = events;
        this.cookieName = cookieName;
    }

    @Override
    public AutoCloseable connect(Request request, Listener listener) {
        WebTarget target = client.target(events);
        for (String topic : request.topics()) {
            target = target.queryParam("topic", topic);
        }
        if (request.queryCursor() != null) {
            target = target.queryParam("lastEventId", request.queryCursor());
        }
        target.register(new AttemptFilter(request, listener, cookieName));
        SseEventSource source =
                SseEventSource.target(target).reconnectingEvery(1, TimeUnit.DAYS).build();
        source.register(
                event -> frame(event, listener), listener::ended, () -> listener.ended(null));
        try {
            source.open();
        } catch (RuntimeException e) {
            listener.ended(e);
        }
        return source::close;
    }

    private static void frame(InboundSseEvent event, Listener listener) {
        if (event.getId() == null && event.isEmpty() && !event.isReconnectDelaySet()) {
            return; // a heartbeat comment
        }
        String data = event.isEmpty() ? "" : event.readData();
        listener.event(
                event.getName() == null ? "message" : event.getName(),
                event.getId(),
                data == null ? "" : data,
                event.isReconnectDelaySet() ? event.getReconnectDelay() : -1);
    }

    @Override
    public void close() {
        if (ownClient) {
            client.close();
        }
    }
}
