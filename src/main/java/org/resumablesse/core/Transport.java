package org.resumablesse.core;

/**
 * Where a connection's frames go: implemented by an adapter around one HTTP response.
 *
 * <p>Thread-safety: the engine has at most one {@link #write} in progress per connection; {@link
 * #isOpen} and {@link #close} may be called from any thread at any time.
 */
public interface Transport {
    /**
     * Starts writing these frames, in order, as one unit, and flushing them to the client. Never
     * blocks the calling thread on the client: returns at once, and calls exactly one of done's
     * methods, exactly once, when the bytes have left this connection's own buffers (handed to the
     * container in a way that needs no further call from us and holds no more than the transport's
     * byte bound) or the write failed; from any thread, possibly before write returns. The engine
     * has at most one write in progress per connection and never calls write while holding a store
     * lock.
     */
    void write(java.util.List<EventFrame> frames, Completion done);

    /** False once the client has gone or the response is closed. */
    boolean isOpen();

    /** Ends the response. Idempotent; never throws, never blocks on the client. */
    void close();

    /** How a write ended. */
    interface Completion {
        void written();

        void failed(Throwable error);
    }
}
