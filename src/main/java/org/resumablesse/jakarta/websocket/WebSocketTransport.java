package org.resumablesse.jakarta.websocket;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.Transport;

/**
 * Writes frames to one WebSocket session: each batch goes as one text message holding the frames'
 * bytes one after the other, exactly as the event stream would carry them, sent with {@link
 * RemoteEndpoint.Async#sendText(String, jakarta.websocket.SendHandler)}, so no thread waits for the
 * client. The batch is reported written when the container's send handler says the message is sent;
 * until then the engine holds its next batch, so what the container holds per connection is one
 * message.
 *
 * <p>Thread-safe. Created per session by {@link EventStreamEndpoint}; ended by {@link #close} (the
 * engine) or by {@link #gone} (the client left), after which every write fails.
 */
public final class WebSocketTransport implements Transport {

    private final RemoteEndpoint.Async remote;
    private final Runnable closer;
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicBoolean open = new AtomicBoolean(true);

    /**
     * @param remote the session's asynchronous remote end
     * @param closer ends the session without waiting for the client; run at most once, by {@link
     *     #close}
     */
    public WebSocketTransport(RemoteEndpoint.Async remote, Runnable closer) {
        this.remote = remote;
        this.closer = closer;
    }

    @Override
    public void write(List<EventFrame> frames, Completion done) {
        if (!open.get()) {
            done.failed(new IOException("WebSocket closed"));
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            done.failed(new IllegalStateException("a write is already in progress"));
            return;
        }
        try {
            remote.sendText(message(frames), result -> completed(result, done));
        } catch (RuntimeException e) {
            open.set(false);
            inFlight.set(false);
            done.failed(e);
        }
    }

    private void completed(SendResult result, Completion done) {
        inFlight.set(false);
        if (result.isOK()) {
            done.written();
        } else {
            open.set(false);
            Throwable error = result.getException();
            done.failed(error != null ? error : new IOException("WebSocket send failed"));
        }
    }

    /** The frames as one text message: their UTF-8 bytes, concatenated, as text. */
    static String message(List<EventFrame> frames) {
        if (frames.size() == 1) {
            return frames.get(0).text();
        }
        StringBuilder text = new StringBuilder();
        for (EventFrame frame : frames) {
            text.append(frame.text());
        }
        return text.toString();
    }

    @Override
    public boolean isOpen() {
        return open.get();
    }

    @Override
    public void close() {
        if (open.getAndSet(false)) {
            closer.run();
        }
    }

    /**
     * The session ended (the client closed it, or it failed): nothing more can be sent.
     *
     * @return true when the transport was still open, that is the engine did not end it
     */
    boolean gone() {
        return open.getAndSet(false);
    }
}
