package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CorsPolicyTest {

    private static final String ALLOWED = "https://app.example.com";
    private final CorsPolicy cors = new CorsPolicy(Set.of(ALLOWED), true);

    @Test
    void anAllowedOriginsPreflightIsAnsweredWithGetAndTheStreamsHeaders() {
        CorsPolicy.Preflight preflight = cors.preflight(ALLOWED, "GET");

        assertThat(preflight.status()).isEqualTo(204);
        assertThat(preflight.headers())
                .containsEntry("Access-Control-Allow-Origin", ALLOWED)
                .containsEntry("Access-Control-Allow-Credentials", "true")
                .containsEntry("Access-Control-Allow-Methods", "GET")
                .containsEntry("Access-Control-Max-Age", "600")
                .containsEntry("Vary", "Origin");
        assertThat(preflight.headers().get("Access-Control-Allow-Headers"))
                .contains("Last-Event-ID", "X-SSE-Session-ID");
    }

    @Test
    void anotherOriginsPreflightIsForbiddenWithoutCorsHeaders() {
        CorsPolicy.Preflight preflight = cors.preflight("https://evil.example", "GET");

        assertThat(preflight).isEqualTo(new CorsPolicy.Preflight(403, Map.of("Vary", "Origin")));
    }

    @Test
    void anOptionsRequestThatIsNoPreflightOrCorsOffGetsTheFrameworksAnswer() {
        assertThat(cors.preflight(null, "GET")).isNull();
        assertThat(cors.preflight(ALLOWED, null)).isNull();
        assertThat(CorsPolicy.off().preflight(ALLOWED, "GET")).isNull();
    }

    @Test
    void answersToAnAllowedOriginCarryItAndVaryOnOrigin() {
        assertThat(cors.responseHeaders(ALLOWED))
                .containsExactly(
                        Map.entry("Vary", "Origin"),
                        Map.entry("Access-Control-Allow-Origin", ALLOWED),
                        Map.entry("Access-Control-Allow-Credentials", "true"));
        assertThat(new CorsPolicy(Set.of(ALLOWED), false).responseHeaders(ALLOWED))
                .doesNotContainKey("Access-Control-Allow-Credentials");
    }

    @Test
    void answersToOtherOriginsOnlyVaryAndCorsOffAddsNothing() {
        assertThat(cors.responseHeaders("https://evil.example"))
                .isEqualTo(Map.of("Vary", "Origin"));
        assertThat(cors.responseHeaders(null)).isEqualTo(Map.of("Vary", "Origin"));
        assertThat(CorsPolicy.off().responseHeaders(ALLOWED)).isEmpty();
    }

    @Test
    void admitsNoOriginTheSameOriginAndListedOnes() {
        assertThat(cors.admits(null, "anything")).isTrue();
        assertThat(cors.admits("http://localhost:8080", "localhost:8080")).isTrue();
        assertThat(cors.admits("https://node.example", "node.example")).isTrue();
        assertThat(cors.admits("https://app.example.com:443", null)).isTrue();
        assertThat(cors.admits("https://evil.example", "app.example.com")).isFalse();
        assertThat(cors.admits("http://localhost:8081", "localhost:8080")).isFalse();
        assertThat(cors.admits("null", "app.example.com")).isFalse();
        assertThat(CorsPolicy.off().admits("https://evil.example", "app.example.com")).isTrue();
    }

    @Test
    void normalizesCaseAndDefaultPortsAndRejectsWhatIsNoOrigin() {
        assertThat(CorsPolicy.normalize(" HTTPS://App.Example.com:443 ")).isEqualTo(ALLOWED);
        assertThat(CorsPolicy.normalize("http://a.example:80")).isEqualTo("http://a.example");
        assertThat(CorsPolicy.normalize("http://a.example:0443")).isEqualTo("http://a.example:443");
        assertThat(CorsPolicy.normalize("http://[::1]:8080")).isEqualTo("http://[::1]:8080");
        for (String bad :
                new String[] {
                    "*",
                    "null",
                    "app.example.com",
                    "https://app.example.com/",
                    "ftp://a.example",
                    "https://*.example.com",
                    "https://a.example:70000",
                    "https://a.example/path"
                }) {
            assertThatThrownBy(() -> CorsPolicy.normalize(bad))
                    .as(bad)
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }
}
