package org.resumablesse.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * One SSE connection for tests: opens {@code GET} on the stream with the headers and query a
 * browser (or a test) would send, reads the body on its own thread through {@link
 * WhatwgEventStreamParser}, and records every event. Waiting methods block until enough matching
 * events arrived or a deadline passed. Thread-safe. {@link #close()} drops the TCP connection.
 */
public final class SseClient implements AutoCloseable {

    /** The name of the cookie that carries the session token. */
    public static final String SESSION_COOKIE = "sse-session-id";

    /** Each stream gets its own HTTP client so that closing one never touches another socket. */
    private final HttpClient http;

    private final HttpResponse<InputStream> response;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final List<SseEvent> events = new ArrayList<>();
    private final AtomicInteger comments = new AtomicInteger();
    private final StringBuilder transcript = new StringBuilder();
    private final String label;
    private volatile boolean ended;
    private volatile boolean closing;
    private volatile Throwable failure;
    private volatile String lastEventId = "";

    SseClient(HttpClient http, HttpResponse<InputStream> response, String label) {
        this.http = http;
        this.response = response;
        this.label = label;
        Thread reader = new Thread(this::read, "sse-client " + label);
        reader.setDaemon(true);
        reader.start();
    }

    /** Starts describing a connection to the stream at this URI. */
    public static SseRequest to(URI events) {
        return new SseRequest(events);
    }

    public int status() {
        return response.statusCode();
    }

    public HttpHeaders headers() {
        return response.headers();
    }

    public Optional<String> header(String name) {
        return response.headers().firstValue(name);
    }

    public List<String> setCookies() {
        return response.headers().allValues("set-cookie");
    }

    /** The value of the cookie with this name from the Set-Cookie headers, if one was set. */
    public Optional<String> cookie(String name) {
        return setCookies().stream()
                .map(header -> header.split(";", 2)[0].trim())
                .filter(pair -> pair.startsWith(name + "="))
                .map(pair -> pair.substring(name.length() + 1))
                .findFirst();
    }

    /** The session token the server set in the {@code sse-session-id} cookie; fails if none. */
    public String sessionToken() {
        return cookie(SESSION_COOKIE)
                .orElseThrow(
                        () -> new AssertionError(label + ": no session cookie in " + setCookies()));
    }

    /** The last event id the stream has set: what a browser would send as Last-Event-ID. */
    public String lastEventId() {
        return lastEventId;
    }

    public List<SseEvent> events() {
        lock.lock();
        try {
            return List.copyOf(events);
        } finally {
            lock.unlock();
        }
    }

    public List<SseEvent> events(Predicate<SseEvent> filter) {
        return events().stream().filter(filter).toList();
    }

    public int commentCount() {
        return comments.get();
    }

    /** True once the server ended the response or the connection failed. */
    public boolean ended() {
        return ended;
    }

    /** Waits for the {@code connected} event that opens every stream. */
    public SseEvent awaitConnected() {
        return awaitEvent(Sse.named("connected"), Timeouts.DEFAULT);
    }

    public SseEvent awaitEvent(Predicate<SseEvent> filter, Duration timeout) {
        return awaitEvents(filter, 1, timeout).get(0);
    }

    /**
     * Waits until at least {@code count} received events match and returns the first {@code count}
     * of them, in arrival order.
     *
     * @throws AssertionError when the deadline passes first; the message lists what arrived
     */
    public List<SseEvent> awaitEvents(Predicate<SseEvent> filter, int count, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (true) {
                List<SseEvent> matching = events.stream().filter(filter).limit(count).toList();
                if (matching.size() >= count) {
                    return matching;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || ended) {
                    throw new AssertionError(describeWait(count, matching.size(), timeout));
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while waiting for events on " + label, e);
        } finally {
            lock.unlock();
        }
    }

    /** Waits until the server ends the response. */
    public void awaitEnd(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        lock.lock();
        try {
            while (!ended) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    throw new AssertionError(label + ": the stream did not end within " + timeout);
                }
                changed.awaitNanos(left);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        } finally {
            lock.unlock();
        }
    }

    /** The first characters the server sent on this stream, for failure messages. */
    public String transcript() {
        synchronized (transcript) {
            return transcript.toString();
        }
    }

    /** Closes the body and with it the TCP connection; the server sees the client go away. */
    @Override
    public void close() {
        closing = true;
        try {
            response.body().close();
        } catch (IOException e) {
            // already gone
        }
    }

    /**
     * Drops the connection the way a network failure would, waits until the reader has stopped, and
     * returns the last event id: the cursor a browser would reconnect with.
     */
    public String drop() {
        close();
        awaitEnd(Timeouts.DEFAULT);
        return lastEventId;
    }

    private String describeWait(int wanted, int got, Duration timeout) {
        String received =
                events.stream().map(SseEvent::toString).collect(Collectors.joining("\n    "));
        return label
                + ": wanted "
                + wanted
                + " matching events within "
                + timeout
                + ", got "
                + got
                + (ended ? " (stream ended" + (failure == null ? "" : ": " + failure) + ")" : "")
                + "; all "
                + events.size()
                + " received:\n    "
                + received;
    }

    private void read() {
        WhatwgEventStreamParser parser =
                new WhatwgEventStreamParser(
                        event ->
                                received(
                                        new SseEvent(
                                                event.type(),
                                                event.lastEventId(),
                                                event.data(),
                                                event.retry())),
                        comment -> comments.incrementAndGet());
        char[] buffer = new char[8192];
        try (Reader reader = new InputStreamReader(response.body(), StandardCharsets.UTF_8)) {
            int n;
            while ((n = reader.read(buffer)) >= 0) {
                record(buffer, n);
                parser.feed(CharBuffer.wrap(buffer, 0, n));
                lastEventId = parser.lastEventId();
            }
        } catch (IOException | RuntimeException e) {
            if (!closing) {
                failure = e;
            }
        } finally {
            ended = true;
            signal();
        }
    }

    private void received(SseEvent event) {
        lock.lock();
        try {
            // Set before waiters wake up: an awaited event's id is the last event id at once.
            lastEventId = event.id();
            events.add(event);
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    private void record(char[] buffer, int n) {
        synchronized (transcript) {
            int room = 32_768 - transcript.length();
            if (room > 0) {
                transcript.append(buffer, 0, Math.min(room, n));
            }
        }
    }

    private void signal() {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }
}
