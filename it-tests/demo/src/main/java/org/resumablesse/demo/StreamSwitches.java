package org.resumablesse.demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.servlet.AsyncContext;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The demo's switches over its own streams, for browser tests: an outage, during which the stream
 * answers 503 as a proxy does while the application is redeployed, and a server-side close of every
 * open stream. The state is the demo's, not the module's: {@link StreamSwitchFilter} applies it in
 * front of both stream paths. Thread-safe.
 */
@ApplicationScoped
public class StreamSwitches {

    private volatile long outageEndsNanos = System.nanoTime();

    private final Set<AsyncContext> open = ConcurrentHashMap.newKeySet();

    /** From now on, for this long, new stream requests are answered 503. */
    public void startOutage(Duration length) {
        outageEndsNanos = System.nanoTime() + length.toNanos();
    }

    /** Whether a stream request arriving now is refused. */
    public boolean inOutage() {
        return System.nanoTime() - outageEndsNanos < 0;
    }

    void opened(AsyncContext stream) {
        open.add(stream);
    }

    void ended(AsyncContext stream) {
        open.remove(stream);
    }

    /**
     * Ends the response of every open stream, as a server that drops its connections does; the
     * module notices at its next write.
     *
     * @return how many streams were ended
     */
    public int closeAll() {
        int closed = 0;
        for (AsyncContext stream : open) {
            open.remove(stream);
            try {
                stream.complete();
                closed++;
            } catch (IllegalStateException alreadyEnded) {
                // ended by the module or the container meanwhile
            }
        }
        return closed;
    }
}
