package org.resumablesse.it;

import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * What a test sends when it opens a stream: the session token (cookie or header), the cursor
 * (Last-Event-ID header or lastEventId query parameter) and the topics. Not thread-safe; {@link
 * #open()} may be called more than once.
 */
public final class SseRequest {

    private final URI events;
    private final List<String> topics = new ArrayList<>();
    private final List<String[]> headers = new ArrayList<>();
    private String lastEventIdQuery;
    private final List<String[]> query = new ArrayList<>();
    private String label = "stream";

    SseRequest(URI events) {
        this.events = events;
    }

    /** Follows a topic (repeatable {@code topic} query parameter). */
    public SseRequest topic(String topic) {
        topics.add(topic);
        return this;
    }

    /** Sends the session token as the cookie {@code sse-session-id}. */
    public SseRequest sessionCookie(String token) {
        return header("Cookie", SseClient.SESSION_COOKIE + "=" + token);
    }

    /** Sends the session token in the {@code X-SSE-Session-ID} header. */
    public SseRequest sessionHeader(String token) {
        return header("X-SSE-Session-ID", token);
    }

    /** Sends the cursor in the {@code Last-Event-ID} header, as a reconnecting browser does. */
    public SseRequest lastEventId(String id) {
        return header("Last-Event-ID", id);
    }

    /** Sends the cursor as the {@code lastEventId} query parameter, as a reloaded page does. */
    public SseRequest lastEventIdQuery(String id) {
        lastEventIdQuery = id;
        return this;
    }

    /** Adds any other query parameter, e.g. the cursor under another client's name. */
    public SseRequest query(String name, String value) {
        query.add(new String[] {name, value});
        return this;
    }

    public SseRequest header(String name, String value) {
        headers.add(new String[] {name, value});
        return this;
    }

    /** A name for failure messages and the reader thread. */
    public SseRequest label(String label) {
        this.label = label;
        return this;
    }

    /** Opens the stream and waits for the response headers. */
    public SseClient open() {
        HttpClient http =
                HttpClient.newBuilder()
                        .version(HttpClient.Version.HTTP_1_1)
                        .connectTimeout(Timeouts.DEFAULT)
                        .build();
        HttpRequest.Builder request =
                HttpRequest.newBuilder(uri()).header("Accept", "text/event-stream").GET();
        headers.forEach(h -> request.header(h[0], h[1]));
        try {
            HttpResponse<InputStream> response =
                    http.sendAsync(request.build(), BodyHandlers.ofInputStream())
                            .get(Timeouts.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
            return new SseClient(http, response, label);
        } catch (ExecutionException | TimeoutException e) {
            throw new AssertionError(label + ": could not open " + uri(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private URI uri() {
        List<String> query = new ArrayList<>();
        topics.forEach(t -> query.add("topic=" + encode(t)));
        if (lastEventIdQuery != null) {
            query.add("lastEventId=" + encode(lastEventIdQuery));
        }
        this.query.forEach(q -> query.add(encode(q[0]) + "=" + encode(q[1])));
        return query.isEmpty() ? events : URI.create(events + "?" + String.join("&", query));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
