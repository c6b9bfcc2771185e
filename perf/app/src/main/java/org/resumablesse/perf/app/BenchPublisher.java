package org.resumablesse.perf.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.concurrent.ThreadFactory;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.resumablesse.EventPublisher;
import org.resumablesse.ServerEvent;

/**
 * Starts one {@link PublishRun} at a time on one or more threads of the container's default managed
 * thread factory (a plain thread where there is none), publishing to the library ({@code module}:
 * {@link EventPublisher#publish} of a broadcast) or to the plain broadcaster ({@code plain}).
 * Thread-safe.
 */
@ApplicationScoped
public class BenchPublisher {

    /** The name of every benchmark event. */
    static final String EVENT_NAME = "bench";

    private static final long MAX_SECONDS = 900;

    @Inject EventPublisher module;
    @Inject PlainChannel plain;

    private PublishRun current;

    /**
     * Starts a run unless one is running.
     *
     * @return false if a run is still going
     * @throws IllegalArgumentException for an unknown target or a bad number
     */
    public synchronized boolean start(
            String target, long from, long events, int size, double rate, int threads) {
        PublishRun.Target sink = target(target);
        if (events < 0
                || from < 0
                || size < 0
                || size > 1 << 20
                || rate < 0
                || threads < 1
                || threads > 256) {
            throw new IllegalArgumentException("bad run parameters");
        }
        if (current != null && current.running()) {
            return false;
        }
        current = new PublishRun(sink, from, events, size, rate, MAX_SECONDS, threads);
        ThreadFactory factory = threads();
        for (int i = 0; i < threads; i++) {
            Thread thread = factory.newThread(current);
            thread.setName("bench-publisher-" + i);
            thread.start();
        }
        return true;
    }

    /** Asks the running run, if any, to stop after its current event. */
    public synchronized void stop() {
        if (current != null) {
            current.stop();
        }
    }

    /** The last run's state as JSON; {@code running:false, published:0} before any. */
    public synchronized String statusJson() {
        return current == null
                ? "{\"running\":false,\"published\":0,\"failed\":0,\"nanos\":0,\"error\":\"\"}"
                : current.statusJson();
    }

    private PublishRun.Target target(String name) {
        if ("module".equals(name)) {
            return (index, data) -> module.publish(ServerEvent.broadcast(EVENT_NAME, data));
        }
        if ("plain".equals(name)) {
            return (index, data) -> plain.broadcast(EVENT_NAME, Long.toString(index), data);
        }
        throw new IllegalArgumentException("target must be module or plain, got " + name);
    }

    private static ThreadFactory threads() {
        try {
            return (ThreadFactory)
                    new InitialContext().lookup("java:comp/DefaultManagedThreadFactory");
        } catch (NamingException | ClassCastException e) {
            return Thread::new;
        }
    }
}
