package org.resumablesse.perf.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * Holds many SSE connections to one server on one I/O thread. Connects are paced (by default at
 * most {@value #MAX_HANDSHAKES} in flight) so that a server's accept queue is not what is measured.
 * Past {@value #PER_SOURCE} connections it binds source addresses 127.0.0.2 and up, each with its
 * own ephemeral port range. Thread-safe: every method may be called from any thread and runs its
 * work on the I/O thread. Close it to close every socket and end the thread.
 */
public final class LoadClient implements AutoCloseable {

    /** Connects in flight at once by default. */
    public static final int MAX_HANDSHAKES = 128;

    static final int PER_SOURCE = 20_000;

    private final InetSocketAddress server;
    private final String host;
    private final int maxHandshakes;
    private final Selector selector;
    private final Thread thread;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<StreamConnection> connections = new ArrayList<>();
    private final ArrayDeque<StreamConnection> waiting = new ArrayDeque<>();
    private final Latencies latencies = new Latencies();
    private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    private volatile boolean running = true;

    public LoadClient(InetSocketAddress server) {
        this(server, MAX_HANDSHAKES);
    }

    /** A client that keeps at most {@code maxHandshakes} connects in flight. */
    public LoadClient(InetSocketAddress server, int maxHandshakes) {
        this.server = server;
        this.maxHandshakes = maxHandshakes;
        this.host = server.getHostString() + ":" + server.getPort();
        try {
            this.selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        this.thread = new Thread(this::loop, "load-client");
        thread.setDaemon(true);
        thread.start();
    }

    /** Adds {@code count} connections and starts connecting them; returns their ids. */
    public List<Integer> open(int count, StreamRequest request) {
        return call(
                c -> {
                    List<Integer> ids = new ArrayList<>(count);
                    for (int i = 0; i < count; i++) {
                        StreamConnection connection =
                                new StreamConnection(connections.size(), request, latencies);
                        ids.add(connections.size());
                        connections.add(connection);
                        waiting.add(connection);
                    }
                    return ids;
                });
    }

    /** Closes these connections from the client's side; their counts and cursors stay. */
    public void disconnect(List<Integer> ids) {
        call(
                c -> {
                    ids.forEach(id -> connections.get(id).close());
                    return null;
                });
    }

    /** Connects these connections again, with their last event id and session. */
    public void reconnect(List<Integer> ids) {
        call(
                c -> {
                    ids.forEach(id -> waiting.add(connections.get(id)));
                    return null;
                });
    }

    /** The figures of every connection, in id order. */
    public List<ConnectionStats> stats() {
        return call(c -> connections.stream().map(StreamConnection::stats).toList());
    }

    /** The latency percentiles of everything received since the last {@link #resetLatencies}. */
    public Latencies.Summary latencies() {
        return call(c -> latencies.summary());
    }

    public void resetLatencies() {
        call(
                c -> {
                    latencies.clear();
                    return null;
                });
    }

    /**
     * Polls {@link #stats()} every 50 ms until the condition holds or the timeout passes.
     *
     * @return whether it held
     */
    public boolean await(Predicate<List<ConnectionStats>> condition, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (condition.test(stats())) {
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            sleep(50);
        }
    }

    @Override
    public void close() {
        if (!running) {
            return;
        }
        call(
                c -> {
                    connections.forEach(StreamConnection::close);
                    return null;
                });
        running = false;
        selector.wakeup();
        try {
            thread.join(10_000);
            selector.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private <T> T call(Function<LoadClient, T> work) {
        CompletableFuture<T> result = new CompletableFuture<>();
        tasks.add(
                () -> {
                    try {
                        result.complete(work.apply(this));
                    } catch (RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                });
        selector.wakeup();
        try {
            return result.get(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("load client task failed", e);
        }
    }

    private void loop() {
        while (running) {
            try {
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    if (key.isValid()) {
                        ((StreamConnection) key.attachment()).ready(key, buffer);
                    }
                }
                selector.selectedKeys().clear();
                for (Runnable task; (task = tasks.poll()) != null; ) {
                    task.run();
                }
                startConnects();
            } catch (IOException | RuntimeException e) {
                // one bad key must not end the client; it is reported through the stats
                System.err.println("load client: " + e);
            }
        }
    }

    private void startConnects() throws IOException {
        if (waiting.isEmpty()) {
            return;
        }
        int inFlight = 0;
        for (SelectionKey key : selector.keys()) {
            if (key.isValid() && ((StreamConnection) key.attachment()).handshaking()) {
                inFlight++;
            }
        }
        while (inFlight < maxHandshakes && !waiting.isEmpty()) {
            StreamConnection connection = waiting.poll();
            connection.connect(selector, server, source(connection.id()), host);
            inFlight++;
        }
    }

    private static InetSocketAddress source(int id) {
        if (id < PER_SOURCE) {
            return null;
        }
        return new InetSocketAddress("127.0.0." + (1 + id / PER_SOURCE), 0);
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
