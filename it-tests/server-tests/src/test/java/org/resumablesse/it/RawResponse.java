package org.resumablesse.it;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import javax.net.ssl.SSLSession;

/**
 * The answer to a {@link RawRequest} on its own socket: the status and headers, and the body with
 * the chunked encoding taken off. The connection can end cleanly ({@link #body()}{@code .close()},
 * a FIN) or with a TCP reset ({@link #reset()}, SO_LINGER 0), as a network failure or a killed
 * proxy ends it. Wrapped by {@link #stream(String)} in an {@link SseClient}, it is read like any
 * other stream. Not thread-safe, except {@link #reset()}.
 */
final class RawResponse implements HttpResponse<InputStream> {

    private final Socket socket;
    private final URI uri;
    private final int status;
    private final HttpHeaders headers;
    private final InputStream body;

    private RawResponse(Socket socket, URI uri, int status, HttpHeaders headers, InputStream in) {
        this.socket = socket;
        this.uri = uri;
        this.status = status;
        this.headers = headers;
        this.body = new Closing(bodyOf(headers, in), socket);
    }

    /** Connects, sends the request and reads the response head. */
    static RawResponse send(RawRequest request) {
        Socket socket = new Socket();
        try {
            socket.connect(
                    new InetSocketAddress(request.host(), request.port()),
                    (int) Timeouts.DEFAULT.toMillis());
            socket.setSoTimeout((int) Timeouts.DEFAULT.toMillis());
            socket.getOutputStream().write(request.bytes());
            InputStream in = new BufferedInputStream(socket.getInputStream());
            String statusLine = line(in);
            String[] parts = statusLine.split(" ", 3);
            if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
                throw new IOException("not an HTTP status line: " + statusLine);
            }
            Map<String, List<String>> headers = new TreeMap<>();
            for (String line = line(in); !line.isEmpty(); line = line(in)) {
                int colon = line.indexOf(':');
                headers.computeIfAbsent(
                                line.substring(0, colon).trim().toLowerCase(Locale.ROOT),
                                name -> new ArrayList<>())
                        .add(line.substring(colon + 1).trim());
            }
            URI uri = URI.create("http://" + request.host() + ":" + request.port() + "/");
            return new RawResponse(
                    socket,
                    uri,
                    Integer.parseInt(parts[1]),
                    HttpHeaders.of(headers, (name, value) -> true),
                    in);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new UncheckedIOException(request.target(), e);
        }
    }

    /** Reads the stream on its own thread as an {@link SseClient}, which now owns this socket. */
    SseClient stream(String label) {
        // The HTTP client is only kept by SseClient to close with the stream; none is used here.
        return new SseClient(null, this, label);
    }

    /** Reads the body up to {@code limit} bytes, or until it ends; as UTF-8 text. */
    String text(int limit) throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        for (int n = body.read(buffer); n >= 0; n = body.read(buffer)) {
            read.write(buffer, 0, n);
            if (read.size() >= limit) {
                break;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /**
     * Reads the body until the first event is complete (an empty line after it; empty lines before
     * it are skipped) or the body ends, at most 64 KB; as UTF-8 text.
     */
    String firstEvent() throws IOException {
        ByteArrayOutputStream read = new ByteArrayOutputStream();
        for (int b = body.read(); b >= 0 && read.size() < 65_536; b = body.read()) {
            read.write(b);
            String text = read.toString(StandardCharsets.ISO_8859_1);
            // RESTEasy (OpenLiberty) starts the body with an empty line: skip blank lines first.
            if (text.endsWith("\n\n") && !text.isBlank()) {
                break;
            }
        }
        return read.toString(StandardCharsets.UTF_8);
    }

    /** Ends the connection with a TCP reset instead of a FIN. */
    void reset() {
        try {
            socket.setSoLinger(true, 0);
        } catch (IOException e) {
            // already closed: nothing to reset
        }
        closeQuietly(socket);
    }

    @Override
    public int statusCode() {
        return status;
    }

    /** Always null: the request was written by hand, see {@link RawRequest}. */
    @Override
    public HttpRequest request() {
        return null;
    }

    @Override
    public Optional<HttpResponse<InputStream>> previousResponse() {
        return Optional.empty();
    }

    @Override
    public HttpHeaders headers() {
        return headers;
    }

    /** The body, de-chunked; closing it closes the socket. */
    @Override
    public InputStream body() {
        return body;
    }

    @Override
    public Optional<SSLSession> sslSession() {
        return Optional.empty();
    }

    @Override
    public URI uri() {
        return uri;
    }

    @Override
    public HttpClient.Version version() {
        return HttpClient.Version.HTTP_1_1;
    }

    private static InputStream bodyOf(HttpHeaders headers, InputStream in) {
        if (headers.firstValue("transfer-encoding").orElse("").equalsIgnoreCase("chunked")) {
            return new Chunked(in);
        }
        long length = headers.firstValueAsLong("content-length").orElse(-1);
        return length < 0 ? in : new Limited(in, length);
    }

    /** One line of the head or of the chunked framing, without its CRLF, as ISO-8859-1. */
    private static String line(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0) {
                throw new EOFException("the connection ended in the middle of: " + line);
            }
            if (b != '\r') {
                line.append((char) b);
            }
        }
        return line.toString();
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // already closed
        }
    }

    /** Closing the body closes the socket. */
    private static final class Closing extends FilterInputStream {
        private final Socket socket;

        Closing(InputStream in, Socket socket) {
            super(in);
            this.socket = socket;
        }

        @Override
        public void close() {
            closeQuietly(socket);
        }
    }

    /** A body cut into parts of known length; {@link #next()} reads the next part's length. */
    private abstract static class Framed extends FilterInputStream {
        private long left;
        private boolean done;

        Framed(InputStream in) {
            super(in);
        }

        /** The length of the next part; 0 when the body has ended. */
        abstract long next() throws IOException;

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        /** Only the current part's bytes: a reader must not block on the next part's head. */
        @Override
        public int available() throws IOException {
            return (int) Math.min(left, in.available());
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            if (!done && left == 0) {
                left = next();
                done = left == 0;
            }
            if (done) {
                return -1;
            }
            int n = in.read(buffer, offset, (int) Math.min(length, left));
            if (n < 0) {
                throw new EOFException("the connection ended inside the body");
            }
            left -= n;
            return n;
        }
    }

    /** A body of a known length: one part. */
    private static final class Limited extends Framed {
        private long length;

        Limited(InputStream in, long length) {
            super(in);
            this.length = length;
        }

        @Override
        long next() {
            long part = length;
            length = 0;
            return part;
        }
    }

    /** A body in the chunked transfer coding (RFC 9112 §7.1); trailers are not read. */
    private static final class Chunked extends Framed {
        private boolean started;

        Chunked(InputStream in) {
            super(in);
        }

        @Override
        long next() throws IOException {
            if (started) {
                line(in); // the CRLF that closes the previous chunk's data
            }
            started = true;
            return Long.parseLong(line(in).split(";", 2)[0].trim(), 16);
        }
    }
}
