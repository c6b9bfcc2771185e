package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The browser module ({@code resumable-sse/resumable-sse.js}) in a real headless Chromium, on the
 * demo page: every {@code message} event reaches the page exactly once and in order across a
 * reload, a stream closed by the server, a 503 outage, a reload of a tab that shares another tab's
 * connection, a change of the tab that holds the shared connection, and a fallback to the WebSocket
 * stream while the event stream is refused. The page records what it receives in {@code
 * window.demo.log}. Payara only, with Debian's chromium (see {@link Chromium}).
 */
@RunAsClient
@DisabledIfSystemProperty(
        named = "arquillian.launch",
        matches = "liberty",
        disabledReason = "the browser tests run on one server; they test the page, not the server")
class BrowserIT extends ServerIT {

    private static final String OPEN = "resumablesse_connections_open";

    private final String tag = UUID.randomUUID().toString().substring(0, 8);

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("browser", "deployments/browser.properties");
    }

    @BeforeEach
    void browserInstalled() {
        Chromium.requireInstalled();
    }

    @Test
    void aReloadResumesWithNoEventLostOrDoubled() {
        try (Chromium chromium = Chromium.start()) {
            openPage(chromium);
            List<String> before = publish("before", 3);
            awaitMessages(chromium, before);

            // The page goes away (as at a reload), events are published, then it loads again.
            chromium.script("window.demo.stream.close()");
            List<String> away = publish("away", 3);
            chromium.driver().navigate().refresh();
            awaitMessages(chromium, away);
            JsonObject status = lastConnected(chromium);
            assertTrue(status.getBoolean("reconnection"), status::toString);
            assertTrue(status.getBoolean("recovered"), status::toString);
            assertEquals(3, status.getInt("replayed"), status::toString);

            List<String> after = publish("after", 2);
            awaitMessages(chromium, concat(away, after));
        }
    }

    @Test
    void aStreamClosedByTheServerResumes() {
        try (Chromium chromium = Chromium.start()) {
            openPage(chromium);
            List<String> before = publish("before", 2);
            awaitMessages(chromium, before);

            assertTrue(endStreamsFromServer() >= 1, "the demo closed the page's stream");
            List<String> missed = publish("missed", 3);
            awaitMessages(chromium, concat(before, missed), Timeouts.seconds(40));
            assertEquals(2, connectedCount(chromium), "one reconnect");
            assertTrue(lastConnected(chromium).getBoolean("recovered"));
        }
    }

    @Test
    void aStreamAnswering503ForSecondsIsRecoveredByThePageItself() {
        try (Chromium chromium = Chromium.start()) {
            openPage(chromium);
            List<String> before = publish("before", 2);
            awaitMessages(chromium, before);

            outage(Duration.ofSeconds(8));
            endStreamsFromServer();
            List<String> missed = publish("missed", 3);
            await("the page retries after the browser gave up on a 503")
                    .atMost(Timeouts.seconds(30))
                    .pollInterval(Duration.ofMillis(100))
                    .until(() -> entries(chromium, "error").size() >= 1);
            List<String> after = publish("after", 1);
            awaitMessages(chromium, concat(before, concat(missed, after)), Timeouts.seconds(60));
            JsonObject status = lastConnected(chromium);
            assertTrue(status.getBoolean("recovered"), status::toString);
            for (Map<String, Object> error : entries(chromium, "error")) {
                JsonObject retry = json((String) error.get("data"));
                double cap = Math.min(30_000, 1000 * Math.pow(2, retry.getInt("attempt") - 1));
                double delay = retry.getJsonNumber("delay").doubleValue();
                assertTrue(delay >= 0 && delay <= cap, () -> "full jitter under the cap: " + retry);
            }
        }
    }

    @Test
    void anUnknownTransportIsRefused() {
        try (Chromium chromium = Chromium.start()) {
            openPage(chromium);
            Object message =
                    chromium.script(
                            "const done = arguments[arguments.length - 1];"
                                    + "import('./resumable-sse/resumable-sse.js').then((m) => {"
                                    + "  try { new m.ResumableEventSource('api/events',"
                                    + "      {transport: 'carrier-pigeon'}); done('constructed'); }"
                                    + "  catch (e) { done(e.message); } });",
                            true);
            assertEquals("Resumable SSE: transport \"carrier-pigeon\" is unknown", message);
        }
    }

    @Test
    void withSseRefusedThePageFallsBackToWebSocketAndStillRecoversExactly() {
        try (Chromium chromium = Chromium.start()) {
            openPage(chromium);
            List<String> before = publish("before", 2);
            awaitMessages(chromium, before);
            assertEquals("sse", chromium.script("return window.demo.stream.transport"));
            try {
                // The demo's outage refuses both stream paths with 503; the WebSocket stream works.
                outage(Duration.ofSeconds(120));
                endStreamsFromServer();
                List<String> missed = publish("missed", 3);
                await("the page falls back to the WebSocket stream")
                        .atMost(Timeouts.seconds(40))
                        .pollInterval(Duration.ofMillis(100))
                        .until(
                                () ->
                                        "websocket"
                                                .equals(
                                                        chromium.script(
                                                                "return window.demo.stream.transport")));
                List<String> after = publish("after", 2);
                awaitMessages(
                        chromium, concat(before, concat(missed, after)), Timeouts.seconds(60));
                JsonObject status = lastConnected(chromium);
                assertTrue(status.getBoolean("recovered"), status::toString);
                assertTrue(entries(chromium, "error").size() >= 3, "three refused SSE attempts");
            } finally {
                outage(Duration.ZERO);
            }
        }
    }

    @Test
    void twoTabsShareOneConnectionAndBothSeeEveryEvent() {
        try (Chromium chromium = Chromium.start()) {
            String first = chromium.driver().getWindowHandle();
            openPage(chromium);
            String second = chromium.newTab();
            openPage(chromium);
            awaitOpenConnections(1);

            List<String> sent = publish("shared", 5);
            awaitMessages(chromium, sent);
            chromium.driver().switchTo().window(first);
            awaitMessages(chromium, sent);
            assertEquals(1.0, PrometheusText.sum(demo().applicationMetrics(), OPEN));
            assertEquals(
                    1,
                    List.of(first, second).stream().filter(tab -> isLeader(chromium, tab)).count(),
                    "exactly one tab holds the connection");
        }
    }

    @Test
    void closingTheLeaderTabHandsOverWithNoLoss() throws Exception {
        try (Chromium chromium = Chromium.start()) {
            String first = chromium.driver().getWindowHandle();
            openPage(chromium);
            String second = chromium.newTab();
            openPage(chromium);
            List<String> before = publish("before", 3);
            awaitMessages(chromium, before);
            String leader = isLeader(chromium, first) ? first : second;
            String follower = leader.equals(first) ? second : first;
            assertFalse(isLeader(chromium, follower));

            // Events keep coming while the leader tab closes and the other one takes over.
            CompletableFuture<List<String>> during =
                    CompletableFuture.supplyAsync(() -> publish("during", 20));
            chromium.driver().switchTo().window(leader).close();
            chromium.driver().switchTo().window(follower);
            List<String> after = concat(during.get(), publish("after", 2));

            awaitMessages(chromium, concat(before, after), Timeouts.seconds(40));
            await("the remaining tab holds the connection")
                    .atMost(Timeouts.DEFAULT)
                    .until(() -> isLeader(chromium, follower));
            awaitOpenConnections(1);
        }
    }

    @Test
    void aReloadedFollowerTabCatchesUpFromTheLeaderTab() {
        try (Chromium chromium = Chromium.start()) {
            String first = chromium.driver().getWindowHandle();
            openPage(chromium);
            String second = chromium.newTab();
            openPage(chromium);
            String follower = isLeader(chromium, first) ? second : first;
            List<String> before = publish("before", 2);
            chromium.driver().switchTo().window(follower);
            awaitMessages(chromium, before);

            // The follower goes away (as at a reload) while the leader keeps the connection.
            chromium.script("window.demo.stream.close()");
            List<String> away = publish("away", 3);
            chromium.driver().navigate().refresh();
            List<String> after = publish("after", 1);
            awaitMessages(chromium, concat(away, after));
            JsonObject status = lastConnected(chromium);
            assertTrue(status.getBoolean("recovered"), status::toString);
            assertTrue(status.getBoolean("shared"), status::toString);
            assertFalse(isLeader(chromium, follower), "the other tab still holds the connection");
            awaitOpenConnections(1);
        }
    }

    private void openPage(Chromium chromium) {
        chromium.driver().get(demo().base().toString());
        // The first page of a run also waits for the browser's and the application's first start.
        await("the page is connected")
                .atMost(Timeouts.seconds(40))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> connectedCount(chromium) >= 1);
    }

    private List<String> publish(String label, int count) {
        List<String> data = new ArrayList<>();
        IntStream.rangeClosed(1, count)
                .forEach(
                        i -> {
                            String text = tag + "-" + label + "-" + i;
                            demo().broadcast("message", text);
                            data.add(text);
                        });
        return data;
    }

    private int endStreamsFromServer() {
        return post("api/demo/streams/close", Map.of()).json().getInt("closed");
    }

    private void outage(Duration length) {
        post("api/demo/outage", Map.of("seconds", Long.toString(length.toSeconds())));
    }

    private DemoClient.Answer post(String path, Map<String, String> form) {
        DemoClient.Answer answer = demo().post(path, form);
        assertEquals(200, answer.status(), () -> "POST " + path + ": " + answer);
        return answer;
    }

    /**
     * Waits until the current tab has received every expected message, then checks that the
     * messages of this test it holds are exactly those, in order: none lost, none doubled.
     */
    private void awaitMessages(Chromium chromium, List<String> expected) {
        awaitMessages(chromium, expected, Timeouts.DEFAULT);
    }

    private void awaitMessages(Chromium chromium, List<String> expected, Duration timeout) {
        await("the page receives " + expected)
                .atMost(timeout)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> messages(chromium).containsAll(expected));
        assertEquals(expected, messages(chromium), "every message once, in order");
    }

    private List<String> messages(Chromium chromium) {
        return entries(chromium, "message").stream()
                .map(entry -> (String) entry.get("data"))
                .filter(data -> data.startsWith(tag))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> entries(Chromium chromium, String type) {
        Object log = chromium.script("return window.demo ? window.demo.log : []");
        return ((List<Map<String, Object>>) log)
                .stream().filter(entry -> type.equals(entry.get("type"))).toList();
    }

    private static int connectedCount(Chromium chromium) {
        return entries(chromium, "connected").size();
    }

    private static JsonObject lastConnected(Chromium chromium) {
        List<Map<String, Object>> connected = entries(chromium, "connected");
        return json((String) connected.get(connected.size() - 1).get("data"));
    }

    private static JsonObject json(String data) {
        try (var reader = Json.createReader(new StringReader(data))) {
            return reader.readObject();
        }
    }

    private static boolean isLeader(Chromium chromium, String tab) {
        chromium.driver().switchTo().window(tab);
        return Boolean.TRUE.equals(chromium.script("return window.demo.stream.leader"));
    }

    private void awaitOpenConnections(int expected) {
        await("the server holds " + expected + " stream(s)")
                .atMost(Timeouts.DEFAULT)
                .pollInterval(Duration.ofMillis(200))
                .until(() -> PrometheusText.sum(demo().applicationMetrics(), OPEN) == expected);
    }

    private static List<String> concat(List<String> first, List<String> second) {
        List<String> all = new ArrayList<>(first);
        all.addAll(second);
        return all;
    }
}
