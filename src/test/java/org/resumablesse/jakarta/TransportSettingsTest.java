package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.eclipse.microprofile.config.Config;
import org.junit.jupiter.api.Test;

class TransportSettingsTest {

    private static Config config(Map<String, String> values) {
        return TestConfig.of(values);
    }

    @Test
    void defaultsToAutoAndSixtyFourKibibytes() {
        TransportSettings settings = TransportSettings.read(config(Map.of()));

        assertThat(settings).isEqualTo(TransportSettings.defaults());
        assertThat(settings.mode()).isEqualTo(TransportSettings.Mode.AUTO);
        assertThat(settings.maxBufferedBytes()).isEqualTo(65536);
        assertThat(settings.servletFront()).isTrue();
    }

    @Test
    void jaxrsTurnsTheServletFrontOffInAnyLetterCase() {
        TransportSettings settings =
                TransportSettings.read(config(Map.of("resumable-sse.transport", " JaxRS ")));

        assertThat(settings.mode()).isEqualTo(TransportSettings.Mode.JAXRS);
        assertThat(settings.servletFront()).isFalse();
    }

    @Test
    void servletIsAcceptedWhereTheServletApiIsVisible() {
        TransportSettings settings =
                TransportSettings.read(config(Map.of("resumable-sse.transport", "servlet")));

        assertThat(settings.mode()).isEqualTo(TransportSettings.Mode.SERVLET);
    }

    @Test
    void unknownTransportFailsNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                TransportSettings.read(
                                        config(Map.of("resumable-sse.transport", "websocket"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resumable-sse.transport")
                .hasMessageContaining("websocket");
    }

    @Test
    void bufferedBytesBelowOneKibibyteFailNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                TransportSettings.read(
                                        config(Map.of("resumable-sse.max-buffered-bytes", "100"))))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("resumable-sse.max-buffered-bytes");
    }

    @Test
    void endpointSettingsAlsoRejectABadTransportSoTheDeploymentFails() {
        SettingsReader reader = new SettingsReader(config(Map.of("resumable-sse.transport", "x")));

        assertThatThrownBy(reader::endpoint).hasMessageContaining("resumable-sse.transport");
    }
}
