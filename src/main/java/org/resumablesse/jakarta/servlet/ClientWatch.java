package org.resumablesse.jakarta.servlet;

import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import java.io.IOException;
import org.resumablesse.core.Connection;

/**
 * Tells the engine at once when the client of one stream leaves: the container reports it to a
 * {@link ReadListener} on the request body or to an {@link AsyncListener}, whichever it uses, long
 * before the next write would fail. Anything the client sends on the request body is read and
 * dropped, so it cannot fill buffers.
 *
 * <p>Thread-safe (the container may call it from any thread); created per stream after the engine
 * opened its connection.
 */
final class ClientWatch implements ReadListener, AsyncListener {

    private final Connection connection;
    private final ServletTransport transport;
    private final ServletInputStream in;
    private final byte[] discard = new byte[256];

    ClientWatch(Connection connection, ServletTransport transport, ServletInputStream in) {
        this.connection = connection;
        this.transport = transport;
        this.in = in;
    }

    /** The client has gone, unless the response was ended on purpose. */
    void gone() {
        if (!transport.isClosed()) {
            connection.clientGone();
        }
    }

    @Override
    public void onDataAvailable() throws IOException {
        while (in.isReady() && in.read(discard) >= 0) {
            // A GET has no body; whatever comes is dropped.
        }
    }

    @Override
    public void onAllDataRead() {
        // The request is fully read; the response goes on.
    }

    @Override
    public void onError(Throwable error) {
        gone();
    }

    @Override
    public void onComplete(AsyncEvent event) {
        gone();
    }

    @Override
    public void onTimeout(AsyncEvent event) {
        gone();
    }

    @Override
    public void onError(AsyncEvent event) {
        gone();
    }

    @Override
    public void onStartAsync(AsyncEvent event) {
        // Not restarted.
    }
}
