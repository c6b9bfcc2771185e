package org.resumablesse.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpHeaders;
import java.util.Optional;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * One request's answer as a hostile client sees it: the status, the headers and the start of the
 * body (the first event of a stream, or the text of a refusal). {@link #send} resets the connection
 * once this much is read, so the server sees the client vanish.
 *
 * @param status the HTTP status
 * @param headers the response headers
 * @param body the first event of a {@code 200} stream, or up to 4 KB of any other body
 */
record Probe(int status, HttpHeaders headers, String body) {

    /** Sends the request, reads its answer and resets the connection. */
    static Probe send(RawRequest request) {
        RawResponse response = RawResponse.send(request);
        try {
            return read(response);
        } finally {
            response.reset();
        }
    }

    /** Reads the answer of a response, leaving its connection open. */
    static Probe read(RawResponse response) {
        try {
            String body =
                    response.statusCode() == 200 ? response.firstEvent() : response.text(4096);
            return new Probe(response.statusCode(), response.headers(), body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The {@code connected} event that opens the body, when it does. */
    Optional<Connected> connected() {
        return WhatwgEventStreamParser.parse(body).events().stream()
                .findFirst()
                .filter(event -> event.type().equals("connected"))
                .map(
                        event ->
                                Connected.of(
                                        new SseEvent(
                                                event.type(),
                                                event.lastEventId(),
                                                event.data(),
                                                event.retry())));
    }

    String header(String name) {
        return headers.firstValue(name).orElse("");
    }

    /** The session token this answer set in the session cookie, if it set one. */
    Optional<String> sessionToken() {
        return headers.allValues("set-cookie").stream()
                .map(cookie -> cookie.split(";", 2)[0].trim())
                .filter(pair -> pair.startsWith(SseClient.SESSION_COOKIE + "="))
                .map(pair -> pair.substring(SseClient.SESSION_COOKIE.length() + 1))
                .findFirst();
    }

    @Override
    public String toString() {
        String shown = body.length() > 300 ? body.substring(0, 300) + "..." : body;
        return status + " " + header("content-type") + " " + shown.replace("\n", "\\n");
    }
}
