package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The HTTP side of the module on one server: headers and cookie of the stream, refused publishes,
 * line breaks on the wire, session expiry, settings from the server's system properties and
 * environment, heartbeats and metrics. The deployment expires sessions 2 s after their last stream.
 */
@RunAsClient
class SessionAndProtocolIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("protocol", "deployments/protocol.properties")
                .addClass(TestUserFilter.class)
                .addClass(TestUserServletFilter.class);
    }

    @Test
    void streamSetsHttpOnlySameSiteSessionCookieAndNoBufferingHeaders() {
        SseClient stream = streams.open(demo().stream().label("headers"));
        Connected.await(stream);

        assertEquals(200, stream.status());
        assertTrue(stream.header("content-type").orElse("").startsWith("text/event-stream"));
        assertTrue(stream.header("cache-control").orElse("").contains("no-cache"));
        assertEquals(Optional.of("no"), stream.header("x-accel-buffering"));
        List<String> cookies =
                stream.setCookies().stream()
                        .filter(c -> c.startsWith(SseClient.SESSION_COOKIE + "="))
                        .toList();
        assertEquals(1, cookies.size(), () -> "one session cookie: " + stream.setCookies());
        Map<String, String> attributes = cookieAttributes(cookies.get(0));
        assertEquals(demo().eventsUri().getPath(), attributes.get("path"), cookies::toString);
        assertTrue(attributes.containsKey("httponly"), cookies::toString);
        assertEquals("lax", attributes.get("samesite"), cookies::toString);
        assertFalse(attributes.containsKey("secure"), () -> "no Secure over http: " + cookies);
        assertFalse(attributes.containsKey("domain"), cookies::toString);
        assertFalse(stream.sessionToken().isBlank());
    }

    /**
     * Without {@code cookie.trust-forwarded-proto}, only the container decides whether a request is
     * secure. Neither container takes {@code Forwarded: proto=https} alone; OpenLiberty (with no
     * {@code remoteIp} element) does take {@code X-Forwarded-Proto: https} from this loopback
     * client, Payara without {@code scheme-mapping} does not (docs/integration/reverse-proxies.md).
     */
    @Test
    void forwardedSchemeMakesTheCookieSecureOnlyWhereTheContainerTakesIt() {
        boolean liberty = "liberty".equals(System.getProperty("arquillian.launch"));
        Map<String, Boolean> secureBy = Map.of("Forwarded", false, "X-Forwarded-Proto", liberty);
        for (Map.Entry<String, Boolean> header : secureBy.entrySet()) {
            String value = header.getKey().equals("Forwarded") ? "proto=https" : "https";
            SseClient stream =
                    streams.open(
                            demo().stream().header(header.getKey(), value).label(header.getKey()));
            Connected.await(stream);

            String cookie = stream.setCookies().get(0);
            assertEquals(header.getValue(), cookieAttributes(cookie).containsKey("secure"), cookie);
        }
    }

    @Test
    void forgedSessionTokenIsNeverAdopted() {
        String forged = "forged" + UUID.randomUUID().toString().replace("-", "");
        SseClient byCookie = streams.open(demo().stream().sessionCookie(forged).label("cookie"));
        SseClient byHeader = streams.open(demo().stream().sessionHeader(forged).label("header"));

        for (SseClient stream : List.of(byCookie, byHeader)) {
            Connected connected = Connected.await(stream);
            assertNotEquals(forged, stream.sessionToken());
            assertNotEquals(forged, connected.sessionId());
        }
        assertNotEquals(byCookie.sessionToken(), byHeader.sessionToken());
    }

    @Test
    void publishRefusesInvalidEventNameWithMessage() {
        DemoClient.Answer answer = demo().publish(DemoClient.form("bad name\n", "data"));

        assertEquals(400, answer.status(), answer::toString);
        assertFalse(answer.json().getString("error").isBlank(), answer::toString);
    }

    @Test
    void publishRefusesEventLargerThanMaxEventSize() {
        SseClient stream = streams.open(demo().stream().label("receiver"));
        String session = Connected.await(stream).sessionId();
        String name = Names.unique("too-big");
        DemoClient.Answer answer =
                demo().publish(withSession(DemoClient.form(name, "x".repeat(70_000)), session));

        assertEquals(400, answer.status(), answer::toString);
        assertFalse(answer.json().getString("error").isBlank(), answer::toString);
        String end = demo().toSession(session, name + "-end", "end");
        assertEquals(end, stream.awaitEvent(named(name + "-end"), Timeouts.DEFAULT).id());
        assertEquals(List.of(), stream.events(named(name)), "the refused event never arrives");
    }

    @Test
    void userEventReachesOnlyThatUsersConnections() {
        SseClient alice =
                streams.open(demo().stream().header(TestUserFilter.HEADER, "alice").label("alice"));
        SseClient bob =
                streams.open(demo().stream().header(TestUserFilter.HEADER, "bob").label("bob"));
        SseClient anonymous = streams.open(demo().stream().label("anonymous"));
        Connected.await(alice);
        Connected.await(bob);
        Connected.await(anonymous);
        String name = Names.unique("for-alice");
        Map<String, String> form = DemoClient.form(name, "only alice");
        form.put("user", "alice");

        String id = demo().publish(form).json().getString("id");
        String end = demo().broadcast(name + "-end", "everyone");

        assertEquals(id, alice.awaitEvent(named(name), Timeouts.DEFAULT).id());
        for (SseClient other : List.of(bob, anonymous)) {
            other.awaitEvent(named(name + "-end"), Timeouts.DEFAULT);
            assertEquals(
                    List.of(), other.events(named(name)), "the user event reached another user");
        }
        assertEquals(end, alice.awaitEvent(named(name + "-end"), Timeouts.DEFAULT).id());
    }

    @Test
    void lineBreaksInDataArriveAsLineFeedsWithEmptyLinesKept() {
        SseClient stream = streams.open(demo().stream().label("wire"));
        String session = Connected.await(stream).sessionId();
        String name = Names.unique("lines");
        String data = "one\rtwo\r\nthree\n\n four: colon\r\rid: 7\nevent: evil\nretry: 1\n\nü €\n";

        String id = demo().toSession(session, name, data);
        SseEvent event = stream.awaitEvent(named(name), Timeouts.DEFAULT);

        assertEquals(
                "one\ntwo\nthree\n\n four: colon\n\nid: 7\nevent: evil\nretry: 1\n\nü €\n",
                event.data());
        assertEquals(id, event.id());
        assertEquals(null, event.retry());
        assertEquals(List.of(), stream.events(named("evil")));
    }

    @Test
    void eachLineOfDataIsItsOwnDataFieldOnTheWire() {
        SseClient stream = streams.open(demo().stream().label("bytes"));
        String session = Connected.await(stream).sessionId();
        String name = Names.unique("bytes");

        String id = demo().toSession(session, name, "one\rtwo\r\nthree\n\n four: colon\r\rü €\n");
        stream.awaitEvent(named(name), Timeouts.DEFAULT);

        String frame =
                "event: "
                        + name
                        + "\nid: "
                        + id
                        + "\ndata: one\ndata: two\ndata: three\ndata:\ndata:  four: colon\ndata:"
                        + "\ndata: ü €\ndata:\n\n";
        assertTrue(stream.transcript().contains(frame), stream::transcript);
    }

    @Test
    void sessionAwayLongerThanTtlGetsNewSessionAndItsBroadcastsButNotItsOwnEvents() {
        SseClient first = streams.open(demo().stream().label("expiring"));
        String session = Connected.await(first).sessionId();
        String token = first.sessionToken();
        assertEquals(200, demo().session(session).status(), () -> "" + demo().session(session));
        String name = Names.unique("before-expiry");
        demo().toSession(session, name, "seen");
        first.awaitEvent(named(name), Timeouts.DEFAULT);
        String cursor = first.drop();
        String missed = Names.unique("missed");
        String mine = demo().toSession(session, missed + "-mine", "for the old session");
        String broadcast = demo().broadcast(missed, "for everyone");

        await("session " + session + " expires")
                .atMost(Timeouts.DEFAULT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> demo().session(session).status() == 404);
        SseClient back =
                streams.open(
                        demo().stream().sessionCookie(token).lastEventId(cursor).label("back"));
        Connected connected = Connected.await(back);

        assertNotEquals(session, connected.sessionId());
        assertNotEquals(token, back.sessionToken(), "a new token is issued");
        assertTrue(connected.reconnection());
        assertTrue(connected.recovered(), back::transcript);
        assertTrue(connected.newSession(), back::transcript);
        assertEquals(Optional.empty(), connected.reason());
        assertEquals(1, connected.replayed(), back::transcript);
        assertEquals(broadcast, back.awaitEvent(named(missed), Timeouts.DEFAULT).id());
        assertEquals(List.of(), back.events(named(missed + "-mine")), () -> "not " + mine);
    }

    @Test
    void cursorInMercuresQueryParameterResumesAndTheHeaderWinsOverIt() {
        SseClient first = streams.open(demo().stream().label("mercure"));
        String session = Connected.await(first).sessionId();
        String token = first.sessionToken();
        String name = Names.unique("mercure");
        String seen = demo().toSession(session, name, "seen");
        first.awaitEvent(named(name), Timeouts.DEFAULT);
        String cursor = first.drop();
        String missed = demo().toSession(session, name, "missed");

        SseClient byQuery =
                streams.open(
                        demo().stream()
                                .sessionHeader(token)
                                .query("lastEventID", cursor)
                                .label("q"));
        SseClient headerWins =
                streams.open(
                        demo().stream()
                                .sessionHeader(token)
                                .query("lastEventID", cursor)
                                .lastEventId(missed)
                                .label("header"));

        assertEquals(cursor, Connected.await(byQuery).id());
        assertEquals(1, Connected.await(byQuery).replayed(), byQuery::transcript);
        assertEquals(missed, byQuery.awaitEvent(named(name), Timeouts.DEFAULT).id());
        assertEquals(missed, Connected.await(headerWins).id(), headerWins::transcript);
        assertEquals(0, Connected.await(headerWins).replayed(), headerWins::transcript);
        assertNotEquals(seen, missed);
    }

    @Test
    void retryComesFromSystemPropertyAndEnvironmentVariableOverWarSettings() {
        // The WAR says base 1000ms and jitter 1500ms; the server runs with the system property
        // resumable-sse.retry-base=4321ms and RESUMABLE_SSE_RETRY_JITTER=0ms (see arquillian.xml).
        for (int i = 0; i < 3; i++) {
            SseClient stream = streams.open(demo().stream().label("retry-" + i));
            assertEquals(4321L, Connected.await(stream).retry(), stream::transcript);
        }
    }

    @Test
    void idleStreamReceivesHeartbeatComments() {
        SseClient stream = streams.open(demo().stream().label("idle"));
        Connected.await(stream);

        await("two heartbeats")
                .atMost(Timeouts.seconds(10))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> stream.commentCount() >= 2);
    }

    @Test
    void metricsShowStreamsAndCountPublishedAndDeliveredEvents() {
        SseClient stream = streams.open(demo().stream().label("metered"));
        String session = Connected.await(stream).sessionId();
        String before = demo().applicationMetrics();
        assertTrue(
                PrometheusText.names(before)
                        .containsAll(
                                Set.of(
                                        "resumablesse_connections_open",
                                        "resumablesse_events_published_total",
                                        "resumablesse_events_delivered_total",
                                        "resumablesse_sessions_connected",
                                        "resumablesse_events_retained")),
                () -> "metric names: " + PrometheusText.names(before));
        assertTrue(PrometheusText.sum(before, "resumablesse_connections_open") >= 1, before);
        double published = PrometheusText.sum(before, "resumablesse_events_published_total");
        double delivered = PrometheusText.sum(before, "resumablesse_events_delivered_total");

        String name = Names.unique("metered");
        for (int i = 0; i < 3; i++) {
            demo().toSession(session, name, Integer.toString(i));
        }
        stream.awaitEvents(named(name), 3, Timeouts.DEFAULT);

        await("published and delivered counters rise by 3")
                .atMost(Timeouts.DEFAULT)
                .pollInterval(Duration.ofMillis(200))
                .until(
                        () -> {
                            String now = demo().applicationMetrics();
                            return PrometheusText.sum(now, "resumablesse_events_published_total")
                                            >= published + 3
                                    && PrometheusText.sum(
                                                    now, "resumablesse_events_delivered_total")
                                            >= delivered + 3;
                        });
    }

    /** Set-Cookie attributes by lower-case name; flags map to "". Values are lower-cased. */
    static Map<String, String> cookieAttributes(String setCookie) {
        Map<String, String> attributes = new HashMap<>();
        String[] parts = setCookie.split(";");
        for (int i = 1; i < parts.length; i++) {
            String[] pair = parts[i].trim().split("=", 2);
            String value = pair.length > 1 ? pair[1].trim() : "";
            String key = pair[0].trim().toLowerCase(Locale.ROOT);
            attributes.put(key, key.equals("path") ? value : value.toLowerCase(Locale.ROOT));
        }
        return attributes;
    }

    private static Map<String, String> withSession(Map<String, String> form, String session) {
        form.put("session", session);
        return form;
    }
}
