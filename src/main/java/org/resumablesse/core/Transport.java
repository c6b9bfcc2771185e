package org.resumablesse.core;

/**
 * Where a connection's frames go: implemented by an adapter around one HTTP response.
 *
 * <p>The engine calls {@link #send} from one thread at a time per connection, never from a
 * publisher's thread, so a send may block. The engine calls {@link #close} once.
 */
public interface Transport {

    /**
     * Writes one frame and flushes it.
     *
     * @throws Exception if the write failed; the engine then closes the connection
     */
    void send(EventFrame frame) throws Exception;

    /** False once the client has gone or the response is closed. */
    boolean isOpen();

    /** Ends the response. Must not throw. */
    void close();
}
