package org.resumablesse.perf.ceiling;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The one-write ceiling server. {@code GET /events} is a stream ({@code connected} first, then the
 * stored events after a {@code Last-Event-ID}, then live ones); {@code /control/...} is the
 * benchmark's control protocol. Run as {@code java -cp perf-tools.jar
 * org.resumablesse.perf.ceiling.CeilingServer PORT}; it listens on 127.0.0.1 until killed.
 */
public final class CeilingServer {

    private static final byte[] CONNECTED =
            "event: connected\ndata: {}\n\n".getBytes(StandardCharsets.US_ASCII);
    private static final int MAX_HEAD = 16 * 1024;

    private final Selector selector;
    private final ServerSocketChannel listener;
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final List<byte[]> history = new ArrayList<>();
    private final ByteBuffer scratch = ByteBuffer.allocate(16 * 1024);
    private PublishRun run;

    private CeilingServer(int port) throws IOException {
        selector = Selector.open();
        listener = ServerSocketChannel.open();
        listener.bind(new InetSocketAddress("127.0.0.1", port), 4096);
        listener.configureBlocking(false);
        listener.register(selector, SelectionKey.OP_ACCEPT);
    }

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args[0]);
        new CeilingServer(port).serve();
    }

    private void serve() throws IOException {
        while (true) {
            long wait = run == null ? -1 : run.millisToNext();
            if (wait == 0) {
                selector.selectNow();
            } else {
                selector.select(wait < 0 ? 1000 : wait);
            }
            for (SelectionKey key : selector.selectedKeys()) {
                handle(key);
            }
            selector.selectedKeys().clear();
            publishDue();
        }
    }

    /** Saturating: one event per turn of the loop, so that writes and accepts go on between. */
    private void publishDue() {
        if (run == null) {
            return;
        }
        if (run.saturating()) {
            if (run.due()) {
                publish(run.nextFrame());
            }
            return;
        }
        while (run.due()) {
            publish(run.nextFrame());
        }
    }

    private void handle(SelectionKey key) {
        try {
            if (!key.isValid()) {
                return;
            }
            if (key.isAcceptable()) {
                accept();
            } else if (key.attachment() instanceof Subscriber subscriber) {
                if (key.isWritable()) {
                    subscriber.writable();
                }
                if (key.isValid() && key.isReadable()) {
                    drainOrClose((SocketChannel) key.channel(), subscriber);
                }
            } else if (key.isReadable()) {
                readHead(key);
            }
        } catch (IOException | RuntimeException e) {
            key.cancel();
            closeQuietly((SocketChannel) key.channel());
        }
    }

    private void accept() throws IOException {
        for (SocketChannel channel; (channel = listener.accept()) != null; ) {
            channel.configureBlocking(false);
            channel.setOption(java.net.StandardSocketOptions.TCP_NODELAY, true);
            channel.register(selector, SelectionKey.OP_READ, ByteBuffer.allocate(MAX_HEAD));
        }
    }

    private void readHead(SelectionKey key) throws IOException {
        SocketChannel channel = (SocketChannel) key.channel();
        ByteBuffer head = (ByteBuffer) key.attachment();
        if (channel.read(head) < 0 || !head.hasRemaining()) {
            key.cancel();
            channel.close();
            return;
        }
        RequestHead request = RequestHead.parse(head);
        if (request == null) {
            return;
        }
        if (request.path().equals("/events")) {
            subscribe(key, channel, request);
        } else {
            key.cancel();
            answer(channel, control(request));
        }
    }

    private void subscribe(SelectionKey key, SocketChannel channel, RequestHead request)
            throws IOException {
        String head =
                "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\n"
                        + "Cache-Control: no-cache\r\nConnection: close\r\n\r\n";
        channel.write(ByteBuffer.wrap(head.getBytes(StandardCharsets.US_ASCII)));
        Subscriber subscriber = new Subscriber(channel, key);
        key.attach(subscriber);
        subscriber.send(CONNECTED);
        String lastId = request.headers().get("last-event-id");
        if (lastId != null && !lastId.isEmpty()) {
            for (int i = Integer.parseInt(lastId) + 1; i < history.size(); i++) {
                subscriber.send(history.get(i));
            }
        }
        subscribers.add(subscriber);
    }

    private void drainOrClose(SocketChannel channel, Subscriber subscriber) throws IOException {
        scratch.clear();
        if (channel.read(scratch) < 0) {
            subscriber.close();
        }
    }

    private void publish(byte[] frame) {
        history.add(frame);
        subscribers.removeIf(subscriber -> !subscriber.send(frame) || !subscriber.open());
    }

    private String[] control(RequestHead request) {
        switch (request.path()) {
            case "/control/pid":
                return ok("text/plain", Long.toString(ProcessHandle.current().pid()));
            case "/control/status":
                return ok("application/json", status());
            case "/control/stop":
                if (run != null) {
                    run.stop();
                }
                return ok("application/json", status());
            case "/control/start":
                return start(request);
            default:
                return new String[] {"404 Not Found", "text/plain", "not found"};
        }
    }

    private String[] start(RequestHead request) {
        if (run != null && run.running()) {
            return new String[] {"409 Conflict", "application/json", status()};
        }
        long from = request.longParam("from", 0);
        if (from == 0) {
            history.clear();
        } else if (from != history.size()) {
            return new String[] {"400 Bad Request", "text/plain", "from must be 0 or the next"};
        }
        double rate = request.doubleParam("rate", 0);
        run =
                new PublishRun(
                        from,
                        request.longParam("events", 1000),
                        (int) request.longParam("size", 100),
                        rate);
        return new String[] {"202 Accepted", "application/json", status()};
    }

    private String status() {
        return run == null
                ? "{\"running\":false,\"published\":0,\"failed\":0,\"error\":\"\"}"
                : run.statusJson();
    }

    private static String[] ok(String type, String body) {
        return new String[] {"200 OK", type, body};
    }

    private static void answer(SocketChannel channel, String[] response) throws IOException {
        byte[] body = response[2].getBytes(StandardCharsets.UTF_8);
        String head =
                "HTTP/1.1 "
                        + response[0]
                        + "\r\nContent-Type: "
                        + response[1]
                        + "\r\nContent-Length: "
                        + body.length
                        + "\r\nConnection: close\r\n\r\n";
        ByteBuffer out =
                ByteBuffer.allocate(head.length() + body.length)
                        .put(head.getBytes(StandardCharsets.US_ASCII))
                        .put(body)
                        .flip();
        for (int tries = 0; out.hasRemaining() && tries < 1000; tries++) {
            channel.write(out);
        }
        channel.close();
    }

    private static void closeQuietly(SocketChannel channel) {
        try {
            channel.close();
        } catch (IOException ignored) {
            // already closed
        }
    }
}
