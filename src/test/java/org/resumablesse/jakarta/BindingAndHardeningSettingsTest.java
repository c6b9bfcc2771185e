package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The session hardening settings: read with their defaults, the {@code __Host-} prefix refused with
 * settings it cannot keep, and what a session is bound to.
 */
class BindingAndHardeningSettingsTest {

    private static EndpointSettings read(Map<String, String> values) {
        return new SettingsReader(TestConfig.of(values)).endpoint();
    }

    private static EndpointSettings with(
            String path, boolean forwarded, boolean prefix, boolean agent, boolean address) {
        return new EndpointSettings(
                "sse-session-id",
                path,
                "Lax",
                EndpointSettings.SecureMode.AUTO,
                forwarded,
                prefix,
                agent,
                address);
    }

    @Test
    void everyHardeningIsOffByDefault() {
        EndpointSettings settings = read(Map.of());

        assertThat(settings)
                .isEqualTo(EndpointSettings.defaults())
                .isEqualTo(with("", false, false, false, false));
    }

    @Test
    void readsEachHardeningKey() {
        EndpointSettings settings =
                read(
                        Map.of(
                                "resumable-sse.cookie.trust-forwarded-proto", "true",
                                "resumable-sse.cookie.host-prefix", "true",
                                "resumable-sse.cookie.path", "/",
                                "resumable-sse.session.bind-user-agent", "true",
                                "resumable-sse.session.bind-address", "TRUE"));

        assertThat(settings).isEqualTo(with("/", true, true, true, true));
    }

    @Test
    void theHostPrefixWithAPathOtherThanRootFailsNamingBothKeys() {
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "resumable-sse.cookie.host-prefix", "true",
                                                "resumable-sse.cookie.path", "/app")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resumable-sse.cookie.host-prefix")
                .hasMessageContaining("resumable-sse.cookie.path")
                .hasMessageContaining("/app");
    }

    @Test
    void theHostPrefixWithSecureNeverFailsNamingBothKeys() {
        assertThatThrownBy(
                        () ->
                                read(
                                        Map.of(
                                                "resumable-sse.cookie.host-prefix", "true",
                                                "resumable-sse.cookie.secure", "never")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resumable-sse.cookie.host-prefix")
                .hasMessageContaining("resumable-sse.cookie.secure");
    }

    @Test
    void aHardeningKeyThatIsNotABooleanFailsNamingIt() {
        assertThatThrownBy(() -> read(Map.of("resumable-sse.session.bind-address", "yes")))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resumable-sse.session.bind-address");
    }

    @Test
    void theBindingHoldsOnlyWhatIsSwitchedOn() {
        FakeStreamRequest request =
                new FakeStreamRequest().header("User-Agent", "Firefox").address("10.1.2.3");
        EndpointSettings none = EndpointSettings.defaults();
        EndpointSettings agent = with("", false, false, true, false);
        EndpointSettings address = with("", false, false, false, true);

        assertThat(StreamAdmission.binding(none, request)).isEmpty();
        assertThat(StreamAdmission.binding(agent, request))
                .contains("Firefox")
                .doesNotContain("10.1.2.3");
        assertThat(StreamAdmission.binding(address, request))
                .contains("10.1.2.3")
                .doesNotContain("Firefox");
        assertThat(
                        StreamAdmission.binding(
                                agent, new FakeStreamRequest().header("User-Agent", "curl")))
                .isNotEqualTo(StreamAdmission.binding(agent, request));
    }
}
