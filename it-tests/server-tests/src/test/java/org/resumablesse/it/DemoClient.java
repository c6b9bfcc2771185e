package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The demo application's HTTP endpoints as seen from a test: the stream, the publish endpoint, the
 * session lookup and the server's metrics. Thread-safe.
 */
public final class DemoClient {

    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Timeouts.DEFAULT)
                    .build();

    /** The stream in the demo's own JAX-RS application: the JAX-RS {@code SseEventSink} path. */
    public static final String JAXRS_EVENTS = "api/events";

    /** The library's own mount: the Servlet non-blocking front. */
    public static final String SERVLET_EVENTS = "sse/events";

    private final URI base;
    private final String eventsPath;

    /**
     * @param deployment the deployment's URL, e.g. {@code http://localhost:18081/main/}
     */
    public DemoClient(URL deployment) {
        this(deployment, JAXRS_EVENTS);
    }

    /**
     * @param deployment the deployment's URL, e.g. {@code http://localhost:18081/main/}
     * @param eventsPath the stream's path under it: {@link #JAXRS_EVENTS} or {@link
     *     #SERVLET_EVENTS}
     */
    public DemoClient(URL deployment, String eventsPath) {
        this.eventsPath = eventsPath;
        try {
            URI uri = deployment.toURI();
            String path = uri.getPath().endsWith("/") ? uri.getPath() : uri.getPath() + "/";
            // The servers listen on 127.0.0.1 only; "localhost" might resolve to ::1 first.
            this.base = new URI("http", null, "127.0.0.1", uri.getPort(), path, null, null);
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(deployment.toString(), e);
        }
    }

    public URI base() {
        return base;
    }

    public URI eventsUri() {
        return base.resolve(eventsPath);
    }

    /** Starts describing a stream connection. */
    public SseRequest stream() {
        return SseClient.to(eventsUri());
    }

    /** Opens a new stream with no session, no cursor and no topics. */
    public SseClient connect(String label) {
        return stream().label(label).open();
    }

    /** Posts the form to {@code api/demo/publish} and returns the answer, whatever it is. */
    public Answer publish(Map<String, String> form) {
        return post("api/demo/publish", form);
    }

    /** Posts the form to this path under the deployment and returns the answer, whatever it is. */
    public Answer post(String path, Map<String, String> form) {
        String body =
                form.entrySet().stream()
                        .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                        .collect(Collectors.joining("&"));
        HttpRequest request =
                HttpRequest.newBuilder(base.resolve(path))
                        .timeout(Timeouts.DEFAULT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
        return Answer.of(send(request));
    }

    public String broadcast(String name, String data) {
        return published(form(name, data));
    }

    public String toSession(String sessionId, String name, String data) {
        Map<String, String> form = form(name, data);
        form.put("session", sessionId);
        return published(form);
    }

    public String toTopic(String topic, String name, String data) {
        Map<String, String> form = form(name, data);
        form.put("topic", topic);
        return published(form);
    }

    /** {@code GET api/demo/sessions/{id}}. */
    public Answer session(String sessionId) {
        return get(base.resolve("api/demo/sessions/" + encode(sessionId)));
    }

    /** The server's application metrics in Prometheus text. */
    public String applicationMetrics() {
        Answer answer = get(base.resolve("/metrics?scope=application"));
        assertEquals(200, answer.status(), () -> "GET /metrics?scope=application: " + answer);
        return answer.body();
    }

    public Answer get(URI uri) {
        return Answer.of(send(HttpRequest.newBuilder(uri).timeout(Timeouts.DEFAULT).GET().build()));
    }

    public static Map<String, String> form(String name, String data) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("event", name);
        form.put("data", data);
        return form;
    }

    private String published(Map<String, String> form) {
        Answer answer = publish(form);
        assertEquals(202, answer.status(), () -> "publish " + form.keySet() + ": " + answer);
        return answer.json().getString("id");
    }

    private static HttpResponse<String> send(HttpRequest request) {
        try {
            return HTTP.send(request, BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new AssertionError(request.method() + " " + request.uri() + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** A plain HTTP answer. */
    public record Answer(int status, String contentType, String body) {

        static Answer of(HttpResponse<String> response) {
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("content-type").orElse(""),
                    response.body());
        }

        public JsonObject json() {
            try (var reader = Json.createReader(new StringReader(body))) {
                return reader.readObject();
            }
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + body;
        }
    }
}
