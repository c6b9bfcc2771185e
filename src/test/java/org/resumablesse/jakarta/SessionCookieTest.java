package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

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
}
