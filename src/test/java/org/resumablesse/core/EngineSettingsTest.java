package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.resumablesse.ResumableSseConfig;

class EngineSettingsTest {

    @Test
    void acceptsTheDefaults() {
        assertThatCode(EngineSettings::defaults).doesNotThrowAnyException();
        assertThat(EngineSettings.builder().build()).isEqualTo(EngineSettings.defaults());
    }

    static Stream<Arguments> valuesOutOfRange() {
        return Stream.of(
                refused(ResumableSseConfig.BUFFER_SIZE, b -> b.bufferSize(0)),
                refused(ResumableSseConfig.BUFFER_SIZE, b -> b.bufferSize(10_000_001)),
                refused(ResumableSseConfig.BUFFER_TTL, b -> b.bufferTtl(Duration.ZERO)),
                refused(ResumableSseConfig.BUFFER_TTL, b -> b.bufferTtl(Duration.ofSeconds(-1))),
                refused(ResumableSseConfig.BUFFER_TTL, b -> b.bufferTtl(null)),
                refused(ResumableSseConfig.CLEANUP_INTERVAL, b -> b.cleanupInterval(Duration.ZERO)),
                refused(
                        ResumableSseConfig.HEARTBEAT_INTERVAL,
                        b -> b.heartbeatInterval(Duration.ofMillis(-5))),
                refused(ResumableSseConfig.RETRY_BASE, b -> b.retryBase(Duration.ofMillis(-1))),
                refused(ResumableSseConfig.RETRY_JITTER, b -> b.retryJitter(Duration.ofMillis(-1))),
                refused(
                        ResumableSseConfig.RETRY_JITTER,
                        b ->
                                b.retryBase(Duration.ofMillis(Integer.MAX_VALUE))
                                        .retryJitter(Duration.ofMillis(1))),
                refused(
                        ResumableSseConfig.MAX_EVENT_SIZE,
                        b -> b.maxEventBytes(EngineSettings.MIN_EVENT_BYTES - 1)),
                refused(ResumableSseConfig.MAX_SESSIONS, b -> b.maxSessions(0)),
                refused(
                        ResumableSseConfig.MAX_CONNECTIONS_PER_SESSION,
                        b -> b.maxConnectionsPerSession(0)),
                refused(
                        ResumableSseConfig.MAX_TOPICS_PER_CONNECTION,
                        b -> b.maxTopicsPerConnection(-1)),
                refused(
                        ResumableSseConfig.MAX_TOPICS_PER_CONNECTION,
                        b -> b.maxTopicsPerConnection(10_001)),
                refused(ResumableSseConfig.MAX_PENDING_BYTES, b -> b.maxPendingBytes(1023)),
                refused(
                        ResumableSseConfig.MAX_NEW_SESSIONS_PER_ADDRESS,
                        b -> b.maxNewSessionsPerAddress(-1)),
                refused(
                        ResumableSseConfig.NEW_SESSION_INTERVAL,
                        b -> b.newSessionInterval(Duration.ZERO)),
                refused(ResumableSseConfig.MAX_CONNECTIONS, b -> b.maxConnections(0)),
                refused(ResumableSseConfig.MAX_REPLAY_EVENTS, b -> b.maxReplayEvents(-1)));
    }

    private static Arguments refused(String key, UnaryOperator<EngineSettings.Builder> change) {
        return Arguments.of(key, change);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("valuesOutOfRange")
    void refusesAValueOutOfRangeNamingItsKey(
            String key, UnaryOperator<EngineSettings.Builder> change) {
        assertThat(key).startsWith(ResumableSseConfig.PREFIX);

        assertThatThrownBy(() -> change.apply(EngineSettings.builder()).build())
                .isInstanceOf(RuntimeException.class)
                .hasMessageContaining(key);
    }

    @Test
    void acceptsTheEdgesOfEachRange() {
        assertThatCode(
                        () ->
                                EngineSettings.builder()
                                        .bufferSize(1)
                                        .bufferTtl(Duration.ofMillis(1))
                                        .retryBase(Duration.ZERO)
                                        .retryJitter(Duration.ZERO)
                                        .maxEventBytes(EngineSettings.MIN_EVENT_BYTES)
                                        .maxSessions(1)
                                        .maxConnectionsPerSession(1)
                                        .maxTopicsPerConnection(0)
                                        .maxPendingBytes(1024)
                                        .build())
                .doesNotThrowAnyException();
    }
}
