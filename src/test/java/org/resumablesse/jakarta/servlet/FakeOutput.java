package org.resumablesse.jakarta.servlet;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A container's non-blocking output stream as a test drives it: ready or not as the test says, each
 * write and flush recorded, and {@code onWritePossible} delivered when the test makes it ready
 * again. Fails a test that writes while not ready. Not thread-safe; used from the test's thread.
 */
final class FakeOutput extends ServletOutputStream {

    private final ByteArrayOutputStream written = new ByteArrayOutputStream();
    private final List<String> calls = new ArrayList<>();
    private WriteListener listener;
    private boolean ready = true;
    private boolean notReadySeen;
    private Integer readyBudget;

    /** Becomes not ready after this many more writes, like a socket whose buffer fills. */
    void readyFor(int writes) {
        readyBudget = writes;
    }

    /** The container has room again: if it said not ready, it calls onWritePossible. */
    void drained() {
        ready = true;
        readyBudget = null;
        if (notReadySeen) {
            notReadySeen = false;
            writePossible();
        }
    }

    /** The container starts non-blocking output: its first onWritePossible. */
    void start() {
        writePossible();
    }

    private void writePossible() {
        try {
            listener.onWritePossible();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void fail(Throwable error) {
        listener.onError(error);
    }

    String text() {
        return written.toString(StandardCharsets.UTF_8);
    }

    byte[] bytes() {
        return written.toByteArray();
    }

    List<String> calls() {
        return calls;
    }

    @Override
    public boolean isReady() {
        if (!ready) {
            notReadySeen = true;
        }
        return ready;
    }

    @Override
    public void setWriteListener(WriteListener listener) {
        this.listener = listener;
    }

    @Override
    public void write(int b) {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] bytes, int offset, int length) {
        if (!ready) {
            throw new IllegalStateException("written while not ready");
        }
        written.write(bytes, offset, length);
        calls.add("write");
        if (readyBudget != null && --readyBudget <= 0) {
            ready = false;
        }
    }

    @Override
    public void flush() {
        if (!ready) {
            throw new IllegalStateException("flushed while not ready");
        }
        calls.add("flush");
    }
}
