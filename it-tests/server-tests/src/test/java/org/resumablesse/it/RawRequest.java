package org.resumablesse.it;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A stream request written byte by byte, for what {@link java.net.http.HttpClient} refuses to send:
 * header values with control characters or bytes that are not UTF-8, heads of any size, query
 * strings already percent-encoded by the test. Not thread-safe; {@link #bytes()} may be called more
 * than once.
 */
final class RawRequest {

    private final URI events;
    private final List<String> query = new ArrayList<>();
    private final List<byte[]> headers = new ArrayList<>();

    private RawRequest(URI events) {
        this.events = events;
    }

    /** A {@code GET} of the stream at this URI (its own query, if any, is ignored). */
    static RawRequest get(URI events) {
        return new RawRequest(events);
    }

    /** Adds a query parameter, percent-encoding name and value as UTF-8. */
    RawRequest query(String name, String value) {
        return rawQuery(encode(name) + "=" + encode(value));
    }

    /** Adds a query parameter exactly as given, e.g. {@code lastEventId=%FF%00}. */
    RawRequest rawQuery(String nameAndValue) {
        query.add(nameAndValue);
        return this;
    }

    /** Adds a header whose value is these exact bytes. */
    RawRequest header(String name, byte[] value) {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        line.writeBytes((name + ": ").getBytes(StandardCharsets.US_ASCII));
        line.writeBytes(value);
        headers.add(line.toByteArray());
        return this;
    }

    /** Adds a header with an ASCII value. */
    RawRequest header(String name, String value) {
        return header(name, value.getBytes(StandardCharsets.ISO_8859_1));
    }

    /** Sends the session token in the session cookie. */
    RawRequest sessionCookie(String token) {
        return header("Cookie", SseClient.SESSION_COOKIE + "=" + token);
    }

    String host() {
        return events.getHost();
    }

    int port() {
        return events.getPort();
    }

    /** The request line's target: the raw path and query. */
    String target() {
        return events.getRawPath() + (query.isEmpty() ? "" : "?" + String.join("&", query));
    }

    /** The whole request head, ready to write. */
    byte[] bytes() {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        head.writeBytes(
                ("GET "
                                + target()
                                + " HTTP/1.1\r\nHost: "
                                + host()
                                + ":"
                                + port()
                                + "\r\nAccept: text/event-stream\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
        for (byte[] header : headers) {
            head.writeBytes(header);
            head.writeBytes(new byte[] {'\r', '\n'});
        }
        head.writeBytes(new byte[] {'\r', '\n'});
        return head.toByteArray();
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
