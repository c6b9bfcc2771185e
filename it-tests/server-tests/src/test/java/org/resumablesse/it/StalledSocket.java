package org.resumablesse.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A client that stops reading: a raw socket with a 2 KB receive buffer that opens the stream, reads
 * the response head and the {@code connected} event (for its session token and cursor), then never
 * reads again, so the server's writes to it stall. Not thread-safe.
 */
final class StalledSocket implements AutoCloseable {

    private static final Pattern TOKEN =
            Pattern.compile("(?i)set-cookie: " + SseClient.SESSION_COOKIE + "=([^;\\r\\n]+)");
    private static final Pattern ID = Pattern.compile("\nid: ([^\\n]+)\n");

    private final Socket socket;
    private final String token;
    private final String cursor;

    private StalledSocket(Socket socket, String token, String cursor) {
        this.socket = socket;
        this.token = token;
        this.cursor = cursor;
    }

    static StalledSocket open(URI events) {
        Socket socket = new Socket();
        try {
            socket.setReceiveBufferSize(2048);
            socket.connect(new InetSocketAddress(events.getHost(), events.getPort()));
            socket.setSoTimeout((int) Timeouts.DEFAULT.toMillis());
            String request =
                    "GET "
                            + events.getRawPath()
                            + " HTTP/1.1\r\nHost: "
                            + events.getHost()
                            + ":"
                            + events.getPort()
                            + "\r\nAccept: text/event-stream\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            String head = readThroughConnected(socket.getInputStream());
            Matcher token = TOKEN.matcher(head);
            Matcher id = ID.matcher(head);
            if (!token.find() || !id.find()) {
                throw new AssertionError("no session cookie or connected id in: " + head);
            }
            return new StalledSocket(socket, token.group(1), id.group(1));
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(e);
        }
    }

    /** The client's end of the connection: its local port. */
    int localPort() {
        return socket.getLocalPort();
    }

    /** The session token the server set. */
    String token() {
        return token;
    }

    /** The id of the {@code connected} event: the position the stream started from. */
    String cursor() {
        return cursor;
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    /**
     * Reads the response head, then the body (chunked or not) byte by byte until the {@code
     * connected} event is complete, so nothing past it is taken from the socket.
     *
     * @return the head and the body read
     */
    private static String readThroughConnected(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        while (!head.toString().endsWith("\r\n\r\n")) {
            head.append((char) next(in, head));
        }
        boolean chunked = head.toString().toLowerCase().contains("transfer-encoding: chunked");
        StringBuilder body = new StringBuilder();
        long chunkLeft = chunked ? -1 : Long.MAX_VALUE;
        while (!(body.indexOf("event: connected") >= 0 && body.toString().endsWith("\n\n"))) {
            if (chunkLeft <= 0) {
                chunkLeft = chunkSize(in, head, chunkLeft == 0);
            }
            body.append((char) next(in, body));
            chunkLeft--;
        }
        return head.append(body).toString();
    }

    /** Reads a chunk-size line (after the CRLF that ends the previous chunk, if any). */
    private static long chunkSize(InputStream in, StringBuilder context, boolean afterChunk)
            throws IOException {
        StringBuilder line = new StringBuilder();
        if (afterChunk) {
            next(in, context);
            next(in, context);
        }
        while (!line.toString().endsWith("\r\n")) {
            line.append((char) next(in, context));
        }
        return Long.parseLong(line.toString().trim().split(";")[0], 16);
    }

    private static int next(InputStream in, StringBuilder context) throws IOException {
        int b = in.read();
        if (b < 0) {
            throw new AssertionError("the stream ended before connected: " + context);
        }
        return b;
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already gone
        }
    }
}
