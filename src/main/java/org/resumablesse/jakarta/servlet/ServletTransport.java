package org.resumablesse.jakarta.servlet;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.GzipFrames;
import org.resumablesse.core.Transport;

/**
 * Writes frames to one asynchronous Servlet response with non-blocking I/O: it writes only while
 * {@link ServletOutputStream#isReady()} says so, and reports a batch written only once the
 * container is ready again, so the engine's next batch waits while the container holds unsent
 * bytes. It holds nothing but the batch in progress; what the container may hold beyond it is
 * bounded where the container allows (see {@link ServletFront}).
 *
 * <p>Where {@code flush()} is non-blocking (Payara/Grizzly) each batch ends with one flush. Where
 * it blocks even in non-blocking mode (OpenLiberty), the response buffer is set to zero instead, so
 * that every write goes out at once, and the transport never flushes; there a batch of several
 * frames is joined into one write (one copy per batch instead of one send per frame).
 *
 * <p>Thread-safe. All I/O on the response happens in one thread at a time: whichever thread asks
 * for work while no other is doing it (the engine's {@link #write}, the container's {@code
 * onWritePossible}, {@link #close}) does everything that is pending, and a thread that asks while
 * another is busy leaves it to that one, so no call ever waits for another. Lifecycle: created by
 * {@link EventStreamServlet} after {@code startAsync}; frames written before {@link #listen} are
 * held until the container first calls {@code onWritePossible}; ended by {@link #close} or by the
 * client, after which every pending and later write fails.
 */
public final class ServletTransport implements Transport {

    private record Batch(List<EventFrame> frames, Completion done) {}

    private final AsyncContext async;
    private final ServletOutputStream out;
    private final boolean flushes;
    private final Executor writer;
    private final GzipFrames gzip;
    private final AtomicInteger work = new AtomicInteger();
    private final AtomicBoolean inFlight = new AtomicBoolean();
    private final AtomicReference<Batch> pending = new AtomicReference<>();
    private volatile boolean writable;
    private volatile boolean closing;
    private volatile boolean closed;
    private final AtomicReference<Runnable> closeHook = new AtomicReference<>();
    private volatile Runnable abort;
    private final AtomicBoolean aborted = new AtomicBoolean();

    // Touched only by the thread doing the work.
    private Batch current;
    // A whole batch as one write: compressed, or joined where every write is its own send.
    private byte[] chunk;
    private int next;
    private boolean unflushed;

    ServletTransport(AsyncContext async, ServletOutputStream out, boolean flushes) {
        this(async, out, flushes, null, null);
    }

    /**
     * @param writer where the engine's writes run, for a container whose non-blocking writes can
     *     still block (OpenLiberty writes synchronously once its channel is full): a stalled client
     *     then holds one of its threads, never the engine's; null to write in the calling thread
     * @param gzip compresses each batch into one sync-flushed gzip chunk (the response says {@code
     *     Content-Encoding: gzip}); closed with the transport; null to write the frames as they are
     */
    ServletTransport(
            AsyncContext async,
            ServletOutputStream out,
            boolean flushes,
            Executor writer,
            GzipFrames gzip) {
        this.async = async;
        this.out = out;
        this.flushes = flushes;
        this.writer = writer;
        this.gzip = gzip;
    }

    /**
     * Starts non-blocking output: the container calls {@code onWritePossible} when it is ready, and
     * from then on frames go out.
     *
     * @param onError called when the container reports a failed write (the client is gone)
     */
    void listen(Runnable onError) {
        out.setWriteListener(
                new WriteListener() {
                    @Override
                    public void onWritePossible() {
                        writable = true;
                        work();
                    }

                    @Override
                    public void onError(Throwable error) {
                        onError.run();
                        close();
                    }
                });
    }

    @Override
    public void write(List<EventFrame> frames, Completion done) {
        if (closing) {
            done.failed(new IOException("stream closed"));
            return;
        }
        if (!inFlight.compareAndSet(false, true)) {
            done.failed(new IllegalStateException("a write is already in progress"));
            return;
        }
        pending.set(new Batch(frames, done));
        if (writer == null) {
            work();
        } else {
            onWriter(this::work);
        }
    }

    @Override
    public boolean isOpen() {
        return !closing;
    }

    @Override
    public void close() {
        closing = true;
        if (writer == null) {
            work();
            return;
        }
        if (work.get() != 0) {
            // Another thread is writing, and where writes run on the writer they may be blocked
            // on a client that stopped reading: only dropping the connection ends that write.
            dropNow();
        }
        // Ending the response writes too, so it may block the same way: not on the caller.
        onWriter(this::work);
    }

    private void onWriter(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /** Drops the connection with what it holds unsent, once, off the calling thread if possible. */
    private void dropNow() {
        Runnable dropNow = abort;
        if (dropNow == null || !aborted.compareAndSet(false, true)) {
            return;
        }
        if (writer == null) {
            dropNow.run();
        } else {
            onWriter(dropNow);
        }
    }

    /**
     * Runs the hook once the response is ended (at once if it is already).
     *
     * @param hook what to undo then, e.g. a listener on the container's connection; null for none
     */
    void whenClosed(Runnable hook) {
        closeHook.set(hook);
        if (closed) {
            runCloseHook();
        }
    }

    private void runCloseHook() {
        Runnable hook = closeHook.getAndSet(null);
        if (hook != null) {
            hook.run();
        }
    }

    /**
     * Sets how to drop the connection at once when the response is closed while a write is still
     * waiting for the client (it stopped reading): a graceful end would wait for the container to
     * send what it holds.
     */
    void abortWith(Runnable abort) {
        this.abort = abort;
    }

    /** Whether the response has been completed (by {@link #close} or the client leaving). */
    boolean isClosed() {
        return closed;
    }

    /** Does all pending work unless another thread is doing it, in which case that one will. */
    private void work() {
        if (work.getAndIncrement() != 0) {
            return;
        }
        int requests = 1;
        do {
            step();
            requests = work.addAndGet(-requests);
        } while (requests != 0);
    }

    private void step() {
        while (true) {
            if (closing) {
                finish();
                return;
            }
            if (current == null) {
                current = pending.getAndSet(null);
                next = 0;
                if (current == null) {
                    return;
                }
                if (gzip != null) {
                    chunk = gzip.compress(current.frames());
                    next = current.frames().size();
                } else if (!flushes && current.frames().size() > 1) {
                    chunk = joined(current.frames());
                    next = current.frames().size();
                }
            }
            if (!writable) {
                return;
            }
            try {
                if (!out.isReady()) {
                    // The container calls onWritePossible when it has room again.
                    return;
                }
                List<EventFrame> frames = current.frames();
                if (chunk != null) {
                    out.write(chunk);
                    chunk = null;
                    unflushed = flushes;
                    continue;
                }
                if (next < frames.size()) {
                    frames.get(next++).writeTo(out);
                    unflushed = flushes;
                    continue;
                }
                if (unflushed) {
                    unflushed = false;
                    out.flush();
                    continue;
                }
            } catch (IOException | RuntimeException e) {
                Completion done = current.done();
                current = null;
                chunk = null;
                closing = true;
                inFlight.set(false);
                done.failed(e);
                continue;
            }
            Completion done = current.done();
            current = null;
            inFlight.set(false);
            done.written();
        }
    }

    /**
     * Ends the gzip stream with its trailer where that cannot block (the container is ready and
     * flushes without waiting), and frees the compressor either way.
     */
    private void endGzip() {
        if (gzip == null) {
            return;
        }
        try {
            if (flushes && writable && out.isReady()) {
                out.write(gzip.finish());
                out.flush();
            }
        } catch (IOException | RuntimeException e) {
            // The client is gone or the response is over: nothing more to say.
        } finally {
            gzip.close();
        }
    }

    /**
     * The frames' bytes in one array: where the container sends every write at once (no response
     * buffer), one copy per batch costs far less than one send per frame.
     */
    private static byte[] joined(List<EventFrame> frames) {
        ByteArrayOutputStream joined = new ByteArrayOutputStream(batchSize(frames));
        for (EventFrame frame : frames) {
            try {
                frame.writeTo(joined);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return joined.toByteArray();
    }

    private static int batchSize(List<EventFrame> frames) {
        int size = 0;
        for (EventFrame frame : frames) {
            size += frame.size();
        }
        return size;
    }

    /** Fails what is waiting and ends the response, once. */
    private void finish() {
        Batch[] waiting = {current, pending.getAndSet(null)};
        boolean stalled = waiting[0] != null || waiting[1] != null;
        current = null;
        chunk = null;
        inFlight.set(false);
        IOException gone = new IOException("stream closed");
        for (Batch batch : waiting) {
            if (batch != null) {
                batch.done().failed(gone);
            }
        }
        if (!closed) {
            closed = true;
            if (stalled && abort != null) {
                dropNow();
                if (gzip != null) {
                    gzip.close();
                }
            } else {
                endGzip();
            }
            try {
                async.complete();
            } catch (RuntimeException e) {
                // Already completed by the container (the client left): nothing to end.
            }
            runCloseHook();
        }
    }
}
