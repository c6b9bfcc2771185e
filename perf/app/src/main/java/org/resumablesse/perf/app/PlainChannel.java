package org.resumablesse.perf.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseBroadcaster;
import jakarta.ws.rs.sse.SseEventSink;

/**
 * What a container gives without the library: one JAX-RS {@link SseBroadcaster} that every plain
 * stream registers with. Each event is built once and broadcast; no history, no ids of our own.
 * Thread-safe; the broadcaster is created from the first request's {@link Sse}.
 */
@ApplicationScoped
public class PlainChannel {

    private volatile Sse sse;
    private volatile SseBroadcaster broadcaster;

    /** Registers a client's sink and sends it {@code connected}, so it knows it is registered. */
    public void register(SseEventSink sink, Sse requestSse) {
        attach(requestSse);
        broadcaster.register(sink);
        sink.send(requestSse.newEventBuilder().name("connected").data(String.class, "{}").build());
    }

    /** Broadcasts one event to every registered sink; a no-op before any client came. */
    public void broadcast(String name, String id, String data) {
        SseBroadcaster current = broadcaster;
        if (current == null) {
            return;
        }
        current.broadcast(sse.newEventBuilder().name(name).id(id).data(String.class, data).build());
    }

    private synchronized void attach(Sse requestSse) {
        if (broadcaster == null) {
            sse = requestSse;
            broadcaster = requestSse.newBroadcaster();
        }
    }
}
