package org.resumablesse.it;

import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * One connection to the WebSocket stream for tests, on the JDK's own WebSocket client: records
 * every text message as it came and every event a WHATWG parser reads from the messages, and the
 * close code. Waiting methods poll with a deadline. Thread-safe; {@link #close()} aborts the
 * socket.
 */
final class WsClient implements AutoCloseable {

    private final List<String> messages = new CopyOnWriteArrayList<>();
    private final List<SseEvent> events = new CopyOnWriteArrayList<>();
    private final WhatwgEventStreamParser parser =
            new WhatwgEventStreamParser(
                    e -> events.add(new SseEvent(e.type(), e.lastEventId(), e.data(), e.retry())),
                    comment -> {});
    private final StringBuilder partial = new StringBuilder();
    private volatile int closeCode = -1;
    private volatile String closeReason = "";
    private final WebSocket socket;

    private WsClient(URI uri, Map<String, String> headers) throws Exception {
        WebSocket.Builder builder =
                HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Timeouts.DEFAULT);
        headers.forEach(builder::header);
        socket =
                builder.buildAsync(uri, new Recorder())
                        .get(Timeouts.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * Opens the WebSocket stream of a deployment.
     *
     * @param query the query string without {@code ?}, or empty
     * @param headers request headers, e.g. {@code Cookie}
     */
    static WsClient open(URI deployment, String query, Map<String, String> headers)
            throws Exception {
        URI http = deployment.resolve("sse/events/ws" + (query.isEmpty() ? "" : "?" + query));
        return new WsClient(URI.create(http.toString().replaceFirst("^http", "ws")), headers);
    }

    List<String> messages() {
        return List.copyOf(messages);
    }

    List<SseEvent> events(Predicate<SseEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    List<SseEvent> awaitEvents(Predicate<SseEvent> filter, int count, Duration timeout) {
        await("WebSocket events").atMost(timeout).until(() -> events(filter).size() >= count);
        return events(filter);
    }

    SseEvent awaitConnected() {
        return awaitEvents(e -> e.name().equals("connected"), 1, Timeouts.DEFAULT).get(0);
    }

    int awaitCloseCode() {
        await("the server closes the WebSocket")
                .atMost(Timeouts.DEFAULT)
                .until(() -> closeCode >= 0);
        return closeCode;
    }

    /** Waits until the stream is connected or the server closed the WebSocket. */
    void awaitConnectedOrClose() {
        await("connected or closed")
                .atMost(Timeouts.DEFAULT)
                .until(
                        () ->
                                closeCode >= 0
                                        || !events(e -> e.name().equals("connected")).isEmpty());
    }

    /** The code the server closed with; -1 while open. */
    int closeCode() {
        return closeCode;
    }

    /** The reason the server closed with; empty until it has. */
    String closeReason() {
        return closeReason;
    }

    @Override
    public void close() {
        socket.abort();
    }

    private final class Recorder implements WebSocket.Listener {

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            synchronized (partial) {
                partial.append(data);
                if (last) {
                    String message = partial.toString();
                    partial.setLength(0);
                    messages.add(message);
                    parser.feed(message);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            closeReason = reason;
            closeCode = statusCode;
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            closeCode = 0;
        }
    }
}
