package org.resumablesse.jakarta;

import jakarta.ws.rs.sse.SseEventSink;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.Transport;

/**
 * Writes to one JAX-RS {@link SseEventSink}: the portable transport. A sink's {@code send} may
 * write in the calling thread (RESTEasy does), so each write runs as one task on the container's
 * managed executor, never on the engine's thread; consecutive events go out as one {@link
 * EncodedSseEvent}, so a batch is one send. Each send is awaited at most the write timeout, so
 * order holds and failures are seen. Thread-safe.
 */
final class SinkTransport implements Transport {

    private final SseEventSink sink;
    private final Executor executor;
    private final long timeoutMillis;

    SinkTransport(SseEventSink sink, Executor executor, Duration writeTimeout) {
        this.sink = sink;
        this.executor = executor;
        this.timeoutMillis = writeTimeout.toMillis();
    }

    @Override
    public void write(List<EventFrame> frames, Completion done) {
        Runnable send =
                () -> {
                    try {
                        for (EncodedSseEvent event : EncodedSseEvent.group(frames)) {
                            sink.send(event)
                                    .toCompletableFuture()
                                    .get(timeoutMillis, TimeUnit.MILLISECONDS);
                        }
                        done.written();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        done.failed(e);
                    } catch (Exception e) {
                        done.failed(e);
                    }
                };
        try {
            executor.execute(send);
        } catch (RejectedExecutionException e) {
            // The container is stopping (the last retry hint at shutdown): send from here.
            send.run();
        }
    }

    @Override
    public boolean isOpen() {
        return !sink.isClosed();
    }

    @Override
    public void close() {
        try {
            executor.execute(this::closeNow);
        } catch (RuntimeException e) {
            closeNow();
        }
    }

    private void closeNow() {
        try {
            sink.close();
        } catch (RuntimeException e) {
            // Already gone: closing is best effort.
        }
    }
}
