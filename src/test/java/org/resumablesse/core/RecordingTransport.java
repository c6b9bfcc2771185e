package org.resumablesse.core;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * An in-memory client at the end of a connection: records every frame it is sent and every write,
 * and can play a client that left, a network that fails, or a reader that stops reading. Writes
 * complete on the writing thread unless stalled. Thread-safe.
 */
class RecordingTransport implements Transport {

    private final List<EventFrame> frames = new ArrayList<>();
    private final List<List<EventFrame>> writes = new ArrayList<>();
    private final AtomicInteger closes = new AtomicInteger();
    private final AtomicInteger writesStarted = new AtomicInteger();
    private volatile boolean open = true;
    private boolean stalled;
    private List<EventFrame> held;
    private Completion heldDone;
    private volatile RuntimeException failure;

    /** Holds every write unfinished until {@link #resume()}, like a client that stopped reading. */
    synchronized RecordingTransport stall() {
        stalled = true;
        return this;
    }

    /** The client reads again: the held write completes, on the calling thread. */
    void resume() {
        List<EventFrame> frames;
        Completion done;
        synchronized (this) {
            stalled = false;
            frames = held;
            done = heldDone;
            held = null;
            heldDone = null;
        }
        if (done != null) {
            record(frames);
            done.written();
        }
    }

    /** Every write fails with this, like a broken connection. */
    RecordingTransport failWith(RuntimeException error) {
        this.failure = error;
        return this;
    }

    /** The client goes away: later writes fail and {@link #isOpen()} turns false. */
    void disconnect() {
        synchronized (frames) {
            open = false;
        }
    }

    @Override
    public void write(List<EventFrame> batch, Completion done) {
        writesStarted.incrementAndGet();
        RuntimeException error = failure;
        if (error != null) {
            done.failed(error);
            return;
        }
        synchronized (this) {
            if (stalled) {
                held = List.copyOf(batch);
                heldDone = done;
                return;
            }
        }
        if (!record(batch)) {
            done.failed(new IOException("client gone"));
            return;
        }
        done.written();
    }

    private boolean record(List<EventFrame> batch) {
        synchronized (frames) {
            if (!open) {
                return false;
            }
            frames.addAll(batch);
            writes.add(List.copyOf(batch));
            return true;
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

    int writesStarted() {
        return writesStarted.get();
    }

    List<EventFrame> frames() {
        synchronized (frames) {
            return List.copyOf(frames);
        }
    }

    /** The batches written, each as the engine handed it over. */
    List<List<EventFrame>> writes() {
        synchronized (frames) {
            return List.copyOf(writes);
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
