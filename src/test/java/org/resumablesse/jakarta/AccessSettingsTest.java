package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code resumable-sse.mount} and {@code resumable-sse.cors.*}: defaults, parsing, bad values. */
class AccessSettingsTest {

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(TestConfig.of(values));
    }

    @Test
    void theMountIsOnAndCorsOffByDefault() {
        assertThat(reader(Map.of()).mounted()).isTrue();
        assertThat(BuiltInMount.enabled(TestConfig.of(Map.of()))).isTrue();
        assertThat(reader(Map.of()).cors().enabled()).isFalse();
    }

    @Test
    void mountFalseTurnsTheMountOff() {
        assertThat(BuiltInMount.enabled(TestConfig.of(Map.of("resumable-sse.mount", " FALSE "))))
                .isFalse();
    }

    @Test
    void aBadMountValueFailsNamingTheKey() {
        assertThatThrownBy(() -> reader(Map.of("resumable-sse.mount", "off")).mounted())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resumable-sse.mount")
                .hasMessageContaining("'off'");
    }

    @Test
    void readsTheAllowedOriginsAndCredentials() {
        CorsPolicy cors =
                reader(
                                Map.of(
                                        "resumable-sse.cors.allowed-origins",
                                        " https://a.example , http://B.example:8080,,",
                                        "resumable-sse.cors.allow-credentials",
                                        "true"))
                        .cors();

        assertThat(cors.enabled()).isTrue();
        assertThat(cors.responseHeaders("http://b.example:8080"))
                .containsEntry("Access-Control-Allow-Origin", "http://b.example:8080")
                .containsEntry("Access-Control-Allow-Credentials", "true");
        assertThat(cors.admits("https://a.example", null)).isTrue();
        assertThat(cors.admits("https://c.example", null)).isFalse();
    }

    @Test
    void aWildcardOrAMalformedOriginFailsNamingTheKey() {
        for (String bad : new String[] {"*", "https://a.example/", "a.example"}) {
            assertThatThrownBy(
                            () -> reader(Map.of("resumable-sse.cors.allowed-origins", bad)).cors())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("resumable-sse.cors.allowed-origins")
                    .hasMessageContaining("'" + bad + "'");
        }
    }

    @Test
    void aBadCredentialsValueFailsNamingTheKey() {
        assertThatThrownBy(
                        () -> reader(Map.of("resumable-sse.cors.allow-credentials", "yes")).cors())
                .hasMessageContaining("resumable-sse.cors.allow-credentials");
    }
}
