package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Who may follow what, and CORS, on the JAX-RS stream ({@code api/events}); {@link ServletAccessIT}
 * runs the same tests on the Servlet front. {@link TestTopicAuthorizer} keeps {@code
 * private/<user>/…} topics to that user; one cross-origin page is allowed.
 */
@RunAsClient
class AccessIT extends ServerIT {

    static final String ALLOWED_ORIGIN = "http://allowed.example";
    static final String OTHER_ORIGIN = "http://evil.example";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("access", "deployments/access.properties")
                .addClass(TestTopicAuthorizer.class)
                .addClass(TestUserFilter.class)
                .addClass(TestUserServletFilter.class);
    }

    /**
     * An event a client missed: published on the topic after the cursor the client would come back
     * with.
     */
    record Missed(String topic, String cursor, String name, String id) {

        static Missed on(String topic, OpenStreams streams, DemoClient demo) {
            SseClient first = streams.open(demo.stream().label("cursor"));
            String cursor = Connected.await(first).id();
            first.close();
            String name = Names.unique("missed");
            return new Missed(topic, cursor, name, demo.toTopic(topic, name, "missed"));
        }
    }

    @Test
    void refusesATopicTheAuthorizerDeniesAndReplaysNothingOfIt() {
        Missed missed = Missed.on(TestTopicAuthorizer.privateTopic("bob"), streams, demo());
        String topic = missed.topic();

        for (String user : new String[] {"alice", null}) {
            SseRequest request =
                    demo().stream().topic(topic).lastEventId(missed.cursor()).label("denied");
            if (user != null) {
                request.header(TestUserFilter.HEADER, user);
            }
            SseClient stream = streams.open(request);

            assertEquals(403, stream.status(), stream::transcript);
            stream.awaitEnd(Timeouts.DEFAULT);
            assertTrue(stream.transcript().contains("not allowed to follow " + topic));
            assertFalse(
                    stream.transcript().contains(missed.id()),
                    "the denied topic's history was sent");
            assertEquals(List.of(), stream.setCookies(), "no session for a refused stream");
        }
    }

    @Test
    void anAllowedTopicStillReplaysAndStreamsLive() {
        Missed missed = Missed.on(TestTopicAuthorizer.privateTopic("bob"), streams, demo());

        SseClient bob =
                streams.open(
                        demo().stream()
                                .topic(missed.topic())
                                .topic(Names.unique("open"))
                                .lastEventId(missed.cursor())
                                .header(TestUserFilter.HEADER, "bob")
                                .label("bob"));
        Connected connected = Connected.await(bob);
        String live = demo().toTopic(missed.topic(), missed.name(), "live");

        assertTrue(connected.recovered(), connected::toString);
        List<SseEvent> got = bob.awaitEvents(named(missed.name()), 2, Timeouts.DEFAULT);
        assertEquals(List.of(missed.id(), live), Sse.ids(got));
    }

    @Test
    void anAllowedOriginGetsCorsHeadersAndAStream() {
        SseClient stream =
                streams.open(demo().stream().header("Origin", ALLOWED_ORIGIN).label("allowed"));
        Connected.await(stream);

        assertEquals(200, stream.status());
        assertEquals(Optional.of(ALLOWED_ORIGIN), stream.header("access-control-allow-origin"));
        assertEquals(Optional.of("true"), stream.header("access-control-allow-credentials"));
        assertTrue(varies(stream.headers().allValues("vary")), stream.headers()::toString);
        assertFalse(stream.setCookies().isEmpty());
    }

    @Test
    void anOriginNotAllowedIsRefusedWithoutStreamOrSession() {
        SseClient stream =
                streams.open(demo().stream().header("Origin", OTHER_ORIGIN).label("other"));

        assertEquals(403, stream.status(), stream::transcript);
        stream.awaitEnd(Timeouts.DEFAULT);
        assertEquals(Optional.empty(), stream.header("access-control-allow-origin"));
        assertEquals(List.of(), stream.setCookies());
        assertFalse(stream.transcript().contains("event: connected"), stream::transcript);
    }

    @Test
    void theSameOriginAndNoOriginAreUnaffected() {
        String own = "http://" + demo().base().getAuthority();
        SseClient same = streams.open(demo().stream().header("Origin", own).label("same"));
        SseClient none = streams.open(demo().stream().label("none"));

        for (SseClient stream : List.of(same, none)) {
            Connected.await(stream);
            assertEquals(200, stream.status());
            assertEquals(Optional.empty(), stream.header("access-control-allow-origin"));
        }
    }

    @Test
    void aPreflightFromTheAllowedOriginIsAnsweredAndAnotherIsForbidden() throws Exception {
        HttpResponse<String> allowed = preflight(ALLOWED_ORIGIN);
        HttpResponse<String> other = preflight(OTHER_ORIGIN);

        assertEquals(204, allowed.statusCode(), allowed::toString);
        assertEquals(
                Optional.of(ALLOWED_ORIGIN),
                allowed.headers().firstValue("access-control-allow-origin"));
        assertEquals(
                Optional.of("GET"), allowed.headers().firstValue("access-control-allow-methods"));
        String headers = allowed.headers().firstValue("access-control-allow-headers").orElse("");
        assertTrue(headers.contains("Last-Event-ID"), headers);
        assertTrue(headers.contains("X-SSE-Session-ID"), headers);
        assertEquals(
                Optional.of("true"),
                allowed.headers().firstValue("access-control-allow-credentials"));
        assertEquals(403, other.statusCode(), other::toString);
        assertEquals(Optional.empty(), other.headers().firstValue("access-control-allow-origin"));
    }

    private HttpResponse<String> preflight(String origin) throws IOException, InterruptedException {
        HttpRequest request =
                HttpRequest.newBuilder(demo().eventsUri())
                        .timeout(Timeouts.DEFAULT)
                        .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
                        .header("Origin", origin)
                        .header("Access-Control-Request-Method", "GET")
                        .header("Access-Control-Request-Headers", "last-event-id")
                        .build();
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static boolean varies(List<String> vary) {
        return vary.stream()
                .flatMap(v -> List.of(v.split(",")).stream())
                .anyMatch(v -> v.trim().equalsIgnoreCase("Origin"));
    }
}
