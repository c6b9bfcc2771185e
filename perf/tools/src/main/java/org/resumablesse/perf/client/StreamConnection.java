package org.resumablesse.perf.client;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.StandardSocketOptions;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One SSE client connection through its attempts: connect, send the request (with {@code
 * Last-Event-ID} and the session after the first), read the head, decode the body and count
 * benchmark events. Lives on the client's I/O thread only.
 */
final class StreamConnection implements EventStreamParser.Listener {

    private static final int STALLED_RECEIVE_BUFFER = 1024;

    private final int id;
    private final StreamRequest request;
    private final Latencies latencies;
    private final Map<String, String> cookies = new LinkedHashMap<>();
    private SocketChannel channel;
    private ByteBuffer pendingRequest;
    private ResponseHead head;
    private ChunkedBody chunked;
    private EventStreamParser parser;
    private String lastEventId;
    private int localPort;
    private boolean connected;
    private boolean endedByServer;
    private long nextIndex;
    private long received;
    private long orderErrors;
    private long lastEventNanos;
    private long maxGapNanos;
    private String connectedData = "";
    private String failure = "";

    StreamConnection(int id, StreamRequest request, Latencies latencies) {
        this.id = id;
        this.request = request;
        this.latencies = latencies;
    }

    /** Opens a socket (from {@code source} if not null) and starts connecting. */
    void connect(Selector selector, InetSocketAddress server, InetSocketAddress source, String host)
            throws IOException {
        close();
        head = new ResponseHead();
        chunked = null;
        parser = new EventStreamParser(this);
        connected = false;
        endedByServer = false;
        localPort = 0;
        channel = SocketChannel.open();
        channel.configureBlocking(false);
        channel.setOption(StandardSocketOptions.TCP_NODELAY, true);
        if (request.stalled()) {
            channel.setOption(StandardSocketOptions.SO_RCVBUF, STALLED_RECEIVE_BUFFER);
        }
        if (source != null) {
            channel.bind(source);
        }
        pendingRequest = ByteBuffer.wrap(requestBytes(host));
        if (channel.connect(server)) {
            connected(selector);
        } else {
            channel.register(selector, SelectionKey.OP_CONNECT, this);
        }
    }

    /** Handles readiness of this connection's key. */
    void ready(SelectionKey key, ByteBuffer buffer) {
        try {
            if (key.isConnectable() && channel.finishConnect()) {
                connected(key.selector());
            } else if (key.isWritable()) {
                writeRequest(key);
            } else if (key.isReadable()) {
                read(buffer);
            }
        } catch (IOException | RuntimeException e) {
            fail(e);
        }
    }

    /** Closes the socket from the client's side; the counts stay. */
    void close() {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // closing a socket that already failed
            }
        }
    }

    int id() {
        return id;
    }

    /** Connecting, sending, or (for a reading client) waiting for the response head. */
    boolean handshaking() {
        if (channel == null || !channel.isOpen()) {
            return false;
        }
        return pendingRequest.hasRemaining() || (!request.stalled() && head.status() == 0);
    }

    ConnectionStats stats() {
        return new ConnectionStats(
                id,
                localPort,
                head == null ? 0 : head.status(),
                channel != null && channel.isOpen(),
                connected,
                nextIndex,
                received,
                orderErrors,
                maxGapNanos,
                lastEventNanos,
                endedByServer,
                connectedData,
                failure);
    }

    @Override
    public void onEvent(String type, String data, String eventId) {
        lastEventId = eventId;
        if (type.equals("connected")) {
            connected = true;
            connectedData = data;
        } else if (type.equals(request.eventName())) {
            bench(data);
        }
    }

    private void bench(String data) {
        long now = System.nanoTime();
        int space = data.indexOf(' ');
        int second = data.indexOf(' ', space + 1);
        long published = Long.parseLong(data, 0, space, 10);
        long index = Long.parseLong(data, space + 1, second < 0 ? data.length() : second, 10);
        latencies.record(now - published);
        if (index != nextIndex) {
            orderErrors++;
        }
        nextIndex = Math.max(nextIndex, index + 1);
        received++;
        if (lastEventNanos != 0) {
            maxGapNanos = Math.max(maxGapNanos, now - lastEventNanos);
        }
        lastEventNanos = now;
    }

    private void connected(Selector selector) throws IOException {
        localPort = ((InetSocketAddress) channel.getLocalAddress()).getPort();
        channel.register(selector, SelectionKey.OP_WRITE, this);
    }

    private void writeRequest(SelectionKey key) throws IOException {
        channel.write(pendingRequest);
        if (!pendingRequest.hasRemaining()) {
            key.interestOps(request.stalled() ? 0 : SelectionKey.OP_READ);
        }
    }

    private void read(ByteBuffer buffer) throws IOException {
        buffer.clear();
        int n = channel.read(buffer);
        if (n < 0) {
            endedByServer = true;
            close();
            return;
        }
        byte[] bytes = buffer.array();
        int offset = 0;
        if (head.status() == 0) {
            int used = head.feed(bytes, 0, n);
            if (used < 0) {
                return;
            }
            startBody();
            offset = used;
        }
        body(bytes, offset, n - offset);
    }

    private void startBody() {
        cookies.putAll(head.cookies());
        if (head.status() != 200) {
            failure = "HTTP " + head.status();
        }
        if (head.chunked()) {
            chunked = new ChunkedBody(parser::feed);
        }
    }

    private void body(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return;
        }
        if (chunked == null) {
            parser.feed(bytes, offset, length);
            return;
        }
        chunked.feed(bytes, offset, length);
        if (chunked.done()) {
            endedByServer = true;
            close();
        }
    }

    private void fail(Exception e) {
        if (channel != null && channel.isOpen() && head != null && head.status() != 0) {
            endedByServer = true;
        }
        failure = e.toString();
        close();
    }

    private byte[] requestBytes(String host) {
        StringBuilder text = new StringBuilder(256);
        text.append("GET ").append(request.path()).append(" HTTP/1.1\r\n");
        text.append("Host: ").append(host).append("\r\n");
        text.append("Accept: text/event-stream\r\nCache-Control: no-cache\r\n");
        if (lastEventId != null) {
            text.append("Last-Event-ID: ").append(lastEventId).append("\r\n");
        }
        String token = cookies.get(StreamRequest.SESSION_COOKIE);
        if (request.sessionHeader() && token != null) {
            text.append("X-SSE-Session-ID: ").append(token).append("\r\n");
        } else if (!cookies.isEmpty()) {
            text.append("Cookie: ")
                    .append(
                            cookies.entrySet().stream()
                                    .map(c -> c.getKey() + "=" + c.getValue())
                                    .collect(Collectors.joining("; ")))
                    .append("\r\n");
        }
        text.append("\r\n");
        return text.toString().getBytes(StandardCharsets.ISO_8859_1);
    }
}
