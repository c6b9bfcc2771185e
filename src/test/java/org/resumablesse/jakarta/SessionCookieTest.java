package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.EngineMetrics;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;

/** The Set-Cookie value: attributes, and a Path taken from the request that cannot inject any. */
class SessionCookieTest {

    private static final String TOKEN = "t".repeat(43);

    @Test
    void pathParametersInTheRequestCannotInjectCookieAttributes() {
        String value =
                SessionCookie.header(
                        EndpointSettings.defaults(),
                        TOKEN,
                        "/sse/events;Domain=example.org;Max-Age=31536000",
                        false);

        assertThat(value)
                .isEqualTo(
                        "sse-session-id=" + TOKEN + "; Path=/sse/events; HttpOnly; SameSite=Lax");
    }

    @Test
    void aPathWithCharactersACookieCannotCarryFallsBackToRoot() {
        assertThat(SessionCookie.safePath("/a b/events")).isEqualTo("/");
        assertThat(SessionCookie.safePath("/a,b/events")).isEqualTo("/");
        assertThat(SessionCookie.safePath("events")).isEqualTo("/");
        assertThat(SessionCookie.safePath("/api/events")).isEqualTo("/api/events");
    }

    @Test
    void secureWhenTheRequestIsSecureOrSameSiteIsNone() {
        EndpointSettings none =
                new EndpointSettings("c", "", "None", EndpointSettings.SecureMode.NEVER);

        assertThat(SessionCookie.header(EndpointSettings.defaults(), TOKEN, "/e", true))
                .endsWith("; Secure");
        assertThat(SessionCookie.header(EndpointSettings.defaults(), TOKEN, "/e", false))
                .doesNotContain("Secure");
        assertThat(SessionCookie.header(none, TOKEN, "/e", false)).endsWith("; Secure");
    }

    private static EndpointSettings settings(
            EndpointSettings.SecureMode secure, boolean trustForwarded, boolean hostPrefix) {
        return new EndpointSettings(
                "sse-session-id", "", "Lax", secure, trustForwarded, hostPrefix, false, false);
    }

    @Test
    void aForwardedProtoMakesTheRequestSecureOnlyWhenTrusted() {
        EndpointSettings trusting = settings(EndpointSettings.SecureMode.AUTO, true, false);
        EndpointSettings plain = settings(EndpointSettings.SecureMode.AUTO, false, false);
        List<FakeStreamRequest> https =
                List.of(
                        new FakeStreamRequest().header("X-Forwarded-Proto", "https"),
                        new FakeStreamRequest().header("X-Forwarded-Proto", "HTTPS, http"),
                        new FakeStreamRequest().header("Forwarded", "for=10.0.0.1;proto=https"),
                        new FakeStreamRequest()
                                .header("Forwarded", "Proto=\"https\";by=x, proto=http"));

        for (FakeStreamRequest request : https) {
            assertThat(SessionCookie.secureRequest(trusting, request)).isTrue();
            assertThat(SessionCookie.secureRequest(plain, request)).isFalse();
        }
    }

    @Test
    void aForwardedProtoOtherThanHttpsOrAForwardedHeaderWithoutOneIsNotSecure() {
        EndpointSettings trusting = settings(EndpointSettings.SecureMode.AUTO, true, false);

        for (FakeStreamRequest request :
                List.of(
                        new FakeStreamRequest(),
                        new FakeStreamRequest().header("X-Forwarded-Proto", "http"),
                        new FakeStreamRequest().header("X-Forwarded-Proto", "http, https"),
                        new FakeStreamRequest().header("X-Forwarded-Proto", "httpsx"),
                        new FakeStreamRequest().header("Forwarded", "for=10.0.0.1"),
                        new FakeStreamRequest()
                                .header("Forwarded", "proto=http, proto=https")
                                .header("X-Forwarded-Proto", "https"))) {
            assertThat(SessionCookie.secureRequest(trusting, request)).isFalse();
        }
        assertThat(SessionCookie.secureRequest(trusting, new FakeStreamRequest().secure(true)))
                .as("the container's own word counts anyway")
                .isTrue();
    }

    @Test
    void theHostPrefixNamesTheCookieAndForcesRootPathAndSecure() {
        EndpointSettings prefixed = settings(EndpointSettings.SecureMode.AUTO, false, true);

        assertThat(SessionCookie.header(prefixed, TOKEN, "/app/sse/events", false))
                .isEqualTo(
                        "__Host-sse-session-id="
                                + TOKEN
                                + "; Path=/; HttpOnly; SameSite=Lax; Secure");
        assertThat(prefixed.wireCookieName()).isEqualTo("__Host-sse-session-id");
        assertThat(EndpointSettings.defaults().wireCookieName()).isEqualTo("sse-session-id");
    }

    @Test
    void admissionReadsTheTokenFromThePrefixedCookieAndSetsItBack() {
        EndpointSettings prefixed = settings(EndpointSettings.SecureMode.AUTO, false, true);
        SseEngine engine =
                SseEngine.inMemory(
                        EngineSettings.defaults(),
                        Clock.systemUTC(),
                        Runnable::run,
                        EngineMetrics.NONE);
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
        engine.start(scheduler);
        try {
            StreamAdmission.Admitted first =
                    (StreamAdmission.Admitted)
                            StreamAdmission.admit(
                                    engine, prefixed, StreamAccess.open(), new FakeStreamRequest());
            String token = first.admission().token();
            StreamAdmission.Admitted back =
                    (StreamAdmission.Admitted)
                            StreamAdmission.admit(
                                    engine,
                                    prefixed,
                                    StreamAccess.open(),
                                    new FakeStreamRequest()
                                            .header("Cookie", "__Host-sse-session-id=" + token));

            assertThat(first.setCookie()).startsWith("__Host-sse-session-id=" + token + ";");
            assertThat(back.admission().newSession()).isFalse();
            assertThat(back.admission().session().id()).isEqualTo(first.admission().session().id());
        } finally {
            engine.close();
            scheduler.shutdownNow();
        }
    }
}
