package org.resumablesse.perf.runner;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark's control protocol as a client: {@code start}, {@code status}, {@code pid}, under a
 * base URL such as {@code http://127.0.0.1:28080/perf/api/control}. Thread-safe.
 */
final class Control {

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private static final Pattern RUNNING = Pattern.compile("\"running\":(true|false)");
    private static final Pattern PUBLISHED = Pattern.compile("\"published\":(\\d+)");
    private static final Pattern FAILED = Pattern.compile("\"failed\":(\\d+)");
    private static final Pattern NANOS = Pattern.compile("\"nanos\":(\\d+)");

    private final String base;

    Control(String base) {
        this.base = base;
    }

    /** Starts a publisher run; fails unless the server accepted it. */
    void start(String target, long from, long events, int size, double rate) {
        start(target, from, events, size, rate, 1);
    }

    /** Starts a publisher run on {@code threads} threads at once (the WAR only). */
    void start(String target, long from, long events, int size, double rate, int threads) {
        String query =
                "?target="
                        + target
                        + "&from="
                        + from
                        + "&events="
                        + events
                        + "&size="
                        + size
                        + "&rate="
                        + rate
                        + (threads == 1 ? "" : "&threads=" + threads);
        HttpResponse<String> response = send("POST", "/start" + query);
        if (response.statusCode() != 202) {
            throw new IllegalStateException(
                    "start refused: " + response.statusCode() + " " + response.body());
        }
    }

    /** The status JSON of the last run. */
    String status() {
        return send("GET", "/status").body();
    }

    /** Whether a run is going; true also when the server does not answer (it may be stuck). */
    boolean running() {
        try {
            Matcher m = RUNNING.matcher(status());
            return m.find() && m.group(1).equals("true");
        } catch (IllegalStateException e) {
            return true;
        }
    }

    static long published(String status) {
        return number(PUBLISHED, status);
    }

    /** Events the run's publish calls refused (the WAR only; -1 if not reported). */
    static long failed(String status) {
        return number(FAILED, status);
    }

    /** How long the run took, or has taken so far (the WAR only; -1 if not reported). */
    static long nanos(String status) {
        return number(NANOS, status);
    }

    private static long number(Pattern field, String status) {
        Matcher m = field.matcher(status);
        return m.find() ? Long.parseLong(m.group(1)) : -1;
    }

    /**
     * Waits (bounded) until no run is going.
     *
     * @throws IllegalStateException if the server does not answer
     */
    boolean awaitIdle(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (RUNNING.matcher(status()).results().anyMatch(r -> r.group(1).equals("true"))) {
            if (System.nanoTime() > deadline) {
                return false;
            }
            Pause.millis(50);
        }
        return true;
    }

    /** The server JVM's process id, or -1 while it does not answer. */
    long pidOrNegative() {
        try {
            HttpResponse<String> response = send("GET", "/pid");
            return response.statusCode() == 200 ? Long.parseLong(response.body().trim()) : -1;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    private HttpResponse<String> send(String method, String path) {
        HttpRequest request =
                HttpRequest.newBuilder(URI.create(base + path))
                        .timeout(Duration.ofSeconds(30))
                        .method(method, HttpRequest.BodyPublishers.noBody())
                        .build();
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(method + " " + base + path + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }
}
