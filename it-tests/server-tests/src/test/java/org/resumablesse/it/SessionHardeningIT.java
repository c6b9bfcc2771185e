package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Session hardening on one server: the token rotates when an anonymous session's client signs in
 * and when the application asks, the old token then resumes nothing, the legitimate client loses
 * nothing; a session bound to its User-Agent and address is not resumed by another User-Agent; a
 * trusted {@code X-Forwarded-Proto: https} makes the cookie Secure. Every request of these tests
 * carries the same User-Agent, so the binding holds unless a test changes it.
 */
@RunAsClient
class SessionHardeningIT extends ServerIT {

    private static final String AGENT = "SessionHardeningIT";
    private static final HttpClient HTTP =
            HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Timeouts.DEFAULT)
                    .build();

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("sessions", "deployments/sessions.properties")
                .addClass(TestUserFilter.class)
                .addClass(TestUserServletFilter.class)
                .addClass(SessionTokensResource.class);
    }

    private SseRequest stream(String label) {
        return demo().stream().header("User-Agent", AGENT).label(label);
    }

    @Test
    void signingInRotatesTheTokenOfTheSameSessionAndTheClientLosesNothing() {
        SseClient anonymous = streams.open(stream("anonymous"));
        String session = Connected.await(anonymous).sessionId();
        String token = anonymous.sessionToken();
        String name = Names.unique("sign-in");
        demo().toSession(session, name + "-seen", "before");
        anonymous.awaitEvent(named(name + "-seen"), Timeouts.DEFAULT);
        String cursor = anonymous.drop();
        String missed = demo().toSession(session, name + "-missed", "while away");

        SseClient alice =
                streams.open(
                        stream("alice")
                                .sessionCookie(token)
                                .lastEventId(cursor)
                                .header(TestUserFilter.HEADER, "alice"));
        Connected connected = Connected.await(alice);

        assertEquals(session, connected.sessionId(), alice::transcript);
        assertFalse(connected.newSession(), alice::transcript);
        assertTrue(connected.recovered(), alice::transcript);
        assertEquals(1, connected.replayed(), alice::transcript);
        assertEquals(missed, alice.awaitEvent(named(name + "-missed"), Timeouts.DEFAULT).id());
        assertNotEquals(token, alice.sessionToken(), "a new token for the signed-in session");
        for (String user : new String[] {null, "alice", "bob"}) {
            SseRequest old = stream("old token as " + user).sessionCookie(token);
            Connected again =
                    Connected.await(
                            streams.open(
                                    user == null ? old : old.header(TestUserFilter.HEADER, user)));
            assertNotEquals(
                    session, again.sessionId(), "the old token resumes nothing for " + user);
        }
        SseClient bob =
                streams.open(
                        stream("bob")
                                .sessionCookie(alice.sessionToken())
                                .header(TestUserFilter.HEADER, "bob"));
        assertNotEquals(session, Connected.await(bob).sessionId(), "alice's token is not bob's");
    }

    @Test
    void signingInClosesTheAnonymousStreamOfTheSession() {
        SseClient anonymous = streams.open(stream("anonymous"));
        String token = anonymous.sessionToken();
        Connected.await(anonymous);

        SseClient alice =
                streams.open(
                        stream("alice")
                                .sessionCookie(token)
                                .header(TestUserFilter.HEADER, "alice"));
        Connected.await(alice);

        anonymous.awaitEnd(Timeouts.DEFAULT);
    }

    @Test
    void rotationOnDemandRetiresTheOldTokenAndTheNewCookieResumesWithNothingLost()
            throws IOException, InterruptedException {
        SseClient first = streams.open(stream("first"));
        String session = Connected.await(first).sessionId();
        String token = first.sessionToken();
        String name = Names.unique("on-demand");
        demo().toSession(session, name + "-seen", "before");
        first.awaitEvent(named(name + "-seen"), Timeouts.DEFAULT);

        HttpResponse<String> rotated = rotate(session);
        first.awaitEnd(Timeouts.DEFAULT);
        String cursor = first.lastEventId();
        String after = demo().toSession(session, name + "-after", "after the rotation");

        assertEquals(204, rotated.statusCode(), rotated::toString);
        String setCookie = rotated.headers().firstValue("set-cookie").orElseThrow();
        assertTrue(setCookie.startsWith(SseClient.SESSION_COOKIE + "="), setCookie);
        assertEquals(
                demo().eventsUri().getPath(),
                SessionAndProtocolIT.cookieAttributes(setCookie).get("path"));
        String newToken =
                setCookie.substring(SseClient.SESSION_COOKIE.length() + 1, setCookie.indexOf(';'));
        assertNotEquals(token, newToken);
        SseClient old = streams.open(stream("old").sessionCookie(token).lastEventId(cursor));
        Connected oldConnected = Connected.await(old);
        assertNotEquals(session, oldConnected.sessionId());
        assertTrue(oldConnected.newSession(), old::transcript);
        SseClient back = streams.open(stream("back").sessionCookie(newToken).lastEventId(cursor));
        Connected connected = Connected.await(back);
        assertEquals(session, connected.sessionId(), back::transcript);
        assertTrue(connected.recovered(), back::transcript);
        assertFalse(connected.newSession(), back::transcript);
        assertEquals(after, back.awaitEvent(named(name + "-after"), Timeouts.DEFAULT).id());
        assertEquals(List.of(), old.events(named(name + "-after")), "the old token's holder");
        assertEquals(404, rotate("AAAAAAAAAAAAAAAAAAAAAA").statusCode(), "an unknown session");
    }

    @Test
    void aTokenPresentedWithAnotherUserAgentGetsANewSessionInBand() {
        SseClient first = streams.open(stream("first"));
        String session = Connected.await(first).sessionId();
        String cursor = first.drop();

        SseClient same =
                streams.open(
                        stream("same agent")
                                .sessionCookie(first.sessionToken())
                                .lastEventId(cursor));
        SseClient other =
                streams.open(
                        demo().stream()
                                .header("User-Agent", AGENT + "-other")
                                .sessionCookie(first.sessionToken())
                                .lastEventId(cursor)
                                .label("other agent"));

        assertEquals(session, Connected.await(same).sessionId(), same::transcript);
        Connected elsewhere = Connected.await(other);
        assertEquals(200, other.status());
        assertNotEquals(session, elsewhere.sessionId());
        assertTrue(elsewhere.newSession(), other::transcript);
        assertNotEquals(first.sessionToken(), other.sessionToken());
    }

    @Test
    void theModuleReadsTheClientAddressOfAJaxRsRequest() throws IOException, InterruptedException {
        HttpResponse<String> answer =
                HTTP.send(
                        HttpRequest.newBuilder(demo().base().resolve("api/test/sessions/address"))
                                .timeout(Timeouts.DEFAULT)
                                .GET()
                                .build(),
                        HttpResponse.BodyHandlers.ofString());

        assertEquals("127.0.0.1", answer.body(), answer::toString);
    }

    @Test
    void aTrustedForwardedProtoMakesTheCookieSecure() {
        for (Map.Entry<String, String> header :
                Map.of("X-Forwarded-Proto", "https", "Forwarded", "for=192.0.2.1;proto=https")
                        .entrySet()) {
            SseClient stream =
                    streams.open(
                            stream(header.getKey()).header(header.getKey(), header.getValue()));
            Connected.await(stream);

            String cookie = stream.setCookies().get(0);
            assertTrue(SessionAndProtocolIT.cookieAttributes(cookie).containsKey("secure"), cookie);
        }
        SseClient plain = streams.open(stream("plain"));
        Connected.await(plain);
        assertFalse(
                SessionAndProtocolIT.cookieAttributes(plain.setCookies().get(0))
                        .containsKey("secure"));
    }

    private HttpResponse<String> rotate(String session) throws IOException, InterruptedException {
        String form = "session=" + session + "&stream=" + demo().eventsUri().getPath();
        return HTTP.send(
                HttpRequest.newBuilder(demo().base().resolve("api/test/sessions/rotate"))
                        .timeout(Timeouts.DEFAULT)
                        .header("User-Agent", AGENT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
