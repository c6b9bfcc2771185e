package org.resumablesse.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * An in-memory client at the end of a connection: records every frame it is sent, and can play a
 * client that left, a network that fails, or a reader that stops reading. Thread-safe.
 */
class RecordingTransport implements Transport {

    private final List<EventFrame> frames = new ArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger sendsStarted = new AtomicInteger();
    private volatile boolean open = true;
    private volatile CountDownLatch gate;
    private volatile RuntimeException failure;

    /** Every send waits until the latch opens, like a client that stopped reading. */
    RecordingTransport blockUntil(CountDownLatch latch) {
        this.gate = latch;
        return this;
    }

    /** Every send throws this, like a broken connection. */
    RecordingTransport failWith(RuntimeException error) {
        this.failure = error;
        return this;
    }

    /** The client goes away: later sends fail and {@link #isOpen()} turns false. */
    void disconnect() {
        synchronized (frames) {
            open = false;
        }
    }

    // Shim for the old engine's tests: each frame is sent synchronously, then reported.
    @Override
    public void write(List<EventFrame> batch, Completion done) {
        try {
            for (EventFrame frame : batch) {
                send(frame);
            }
        } catch (IOException | RuntimeException e) {
            done.failed(e);
            return;
        }
        done.written();
    }

    private void send(EventFrame frame) throws IOException {
        sendsStarted.incrementAndGet();
        CountDownLatch latch = gate;
        if (latch != null) {
            try {
                if (!latch.await(Await.scaled(Await.DEFAULT).toNanos(), TimeUnit.NANOSECONDS)) {
                    throw new IOException("test gate never opened");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted", e);
            }
        }
        RuntimeException error = failure;
        if (error != null) {
            throw error;
        }
        synchronized (frames) {
            if (!open) {
                throw new IOException("client gone");
            }
            frames.add(frame);
        }
    }

    @Override
    public boolean isOpen() {
        return open;
    }

    @Override
    public void close() {
        closes.incrementAndGet();
        open = false;
    }

    int closeCount() {
        return closes.get();
    }

    int sendsStarted() {
        return sendsStarted.get();
    }

    List<EventFrame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The bytes the client received, as text. */
    String text() {
        StringBuilder text = new StringBuilder();
        for (EventFrame frame : frames()) {
            text.append(frame.text());
        }
        return text.toString();
    }

    /** What a WHATWG parser made of everything received. */
    WhatwgEventStreamParser parsed() {
        return WhatwgEventStreamParser.parse(text());
    }

    /** The dispatched events other than {@code connected}. */
    List<WhatwgEventStreamParser.Event> events() {
        return parsed().events().stream().filter(e -> !e.type().equals("connected")).toList();
    }
}
