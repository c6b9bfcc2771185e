package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.resumablesse.redis.RedisSettings;

/** resumable-sse.store and the resumable-sse.redis.* keys, as the settings readers read them. */
class StoreSettingsTest {

    private static SettingsReader reader(Map<String, String> values) {
        return new SettingsReader(TestConfig.of(values));
    }

    @Test
    void theMemoryStoreIsTheDefaultAndRedisIsChosenInAnyLetterCase() {
        assertThat(reader(Map.of()).redisStore()).isFalse();
        assertThat(reader(Map.of("resumable-sse.store", " Memory ")).redisStore()).isFalse();
        assertThat(reader(Map.of("resumable-sse.store", "REDIS")).redisStore()).isTrue();
    }

    @Test
    void anUnknownStoreFailsNamingTheKey() {
        assertThatThrownBy(() -> reader(Map.of("resumable-sse.store", "postgres")).redisStore())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage(
                        "Invalid Resumable SSE configuration: resumable-sse.store must be memory"
                                + " or redis, got 'postgres'");
    }

    @Test
    void readsEveryRedisKeyWithTheirDefaults() {
        RedisSettings defaults = RedisSettingsReader.read(reader(Map.of()));
        RedisSettings set =
                RedisSettingsReader.read(
                        reader(
                                Map.of(
                                        "resumable-sse.redis.url", "rediss://cache:6380/2",
                                        "resumable-sse.redis.user", "app",
                                        "resumable-sse.redis.password", "secret",
                                        "resumable-sse.redis.connect-timeout", "500ms",
                                        "resumable-sse.redis.timeout", "3s",
                                        "resumable-sse.redis.pool-size", "4",
                                        "resumable-sse.redis.key-prefix", "shop:")));

        assertThat(defaults.url()).hasToString("redis://localhost:6379");
        assertThat(defaults.keyPrefix()).isEqualTo("resumable-sse:");
        assertThat(defaults.poolSize()).isEqualTo(8);
        assertThat(set.url()).hasToString("rediss://cache:6380/2");
        assertThat(set.user()).isEqualTo("app");
        assertThat(set.password()).isEqualTo("secret");
        assertThat(set.connectTimeout()).isEqualTo(Duration.ofMillis(500));
        assertThat(set.timeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(set.poolSize()).isEqualTo(4);
        assertThat(set.keyPrefix()).isEqualTo("shop:");
        assertThat(set.toString()).doesNotContain("secret");
    }

    @Test
    void badRedisValuesFailNamingTheirKey() {
        assertThat(failure("resumable-sse.redis.url", "http://cache:6379"))
                .contains("resumable-sse.redis.url");
        assertThat(failure("resumable-sse.redis.url", "redis://cache:6379/x"))
                .contains("resumable-sse.redis.url");
        assertThat(failure("resumable-sse.redis.pool-size", "0"))
                .contains("resumable-sse.redis.pool-size");
        assertThat(failure("resumable-sse.redis.timeout", "2"))
                .contains("resumable-sse.redis.timeout");
        assertThat(failure("resumable-sse.redis.key-prefix", "a b"))
                .contains("resumable-sse.redis.key-prefix");
    }

    private static String failure(String key, String value) {
        try {
            RedisSettingsReader.read(reader(Map.of(key, value)));
        } catch (IllegalStateException e) {
            return e.getMessage();
        }
        throw new AssertionError(key + "=" + value + " was accepted");
    }
}
