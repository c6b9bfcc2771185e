package org.resumablesse.core;

import java.util.List;

/**
 * Where a connection's frames go: an adapter around one HTTP response.
 *
 * <p>A transport never makes its caller wait for the client: {@link #write} hands the bytes over
 * and returns, and reports later, through the {@link Completion}, when it can take the next ones.
 * The engine has at most one write in progress per connection, never writes while holding a lock of
 * the store's, and calls {@link #close} at most once. Implementations are thread-safe.
 */
public interface Transport {

    /**
     * Starts writing these frames, in order and as one unit, and flushing them. Returns at once.
     * Calls exactly one of {@code done}'s methods, exactly once, when the bytes have left this
     * connection's own buffers (the container holds no more of them than its bound allows) or when
     * the write failed; from any thread, possibly before this method returns.
     *
     * @param frames one or more frames; not to be modified
     */
    void write(List<EventFrame> frames, Completion done);

    /** False once the client has gone or the response is closed. */
    boolean isOpen();

    /** Ends the response. Never throws and never waits for the client. */
    void close();

    /** How a transport reports the end of one write. Its methods never throw. */
    interface Completion {

        /** The frames are out of the transport's hands; it can take more. */
        void written();

        /** The write failed; the engine closes the connection. */
        void failed(Throwable error);
    }
}
