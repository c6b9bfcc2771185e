package org.resumablesse.jakarta;

import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.Transport;

/**
 * Writes frames to one JAX-RS {@link SseEventSink}, waiting for each write to finish (at most the
 * write timeout) so that order holds and failures are seen. The engine calls it from one delivery
 * thread at a time.
 */
final class SinkTransport implements Transport {

    private final SseEventSink sink;
    private final long timeoutMillis;

    SinkTransport(SseEventSink sink, Duration writeTimeout) {
        this.sink = sink;
        this.timeoutMillis = writeTimeout.toMillis();
    }

    // Shim until the new engine lands: sends each frame synchronously, then reports.
    @Override
    public void write(List<EventFrame> frames, Completion done) {
        try {
            for (EventFrame frame : frames) {
                sink.send(frame.adapt(EncodedSseEvent::new))
                        .toCompletableFuture()
                        .get(timeoutMillis, TimeUnit.MILLISECONDS);
            }
        } catch (Exception e) {
            done.failed(e);
            return;
        }
        done.written();
    }

    @Override
    public boolean isOpen() {
        return !sink.isClosed();
    }

    @Override
    public void close() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // Already gone: closing is best effort.
        }
    }
}
