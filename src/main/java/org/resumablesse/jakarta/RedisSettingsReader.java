package org.resumablesse.jakarta;

import static org.resumablesse.ResumableSseConfig.*;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import org.resumablesse.redis.RedisSettings;

/**
 * Reads the {@code resumable-sse.redis.*} keys into {@link RedisSettings}, failing with a message
 * naming the key. A class of its own, used only on the Redis path, so that reading the settings of
 * the memory store loads no Redis class. Stateless.
 */
final class RedisSettingsReader {

    private RedisSettingsReader() {}

    static RedisSettings read(SettingsReader reader) {
        Duration connect = reader.duration(REDIS_CONNECT_TIMEOUT, Duration.ofSeconds(2));
        Duration timeout = reader.duration(REDIS_TIMEOUT, Duration.ofSeconds(2));
        String url = reader.text(REDIS_URL, "redis://localhost:6379");
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw SettingsReader.invalid(
                    REDIS_URL + " must be a URL like redis://host:6379, got '" + url + "'");
        }
        try {
            return new RedisSettings(
                    uri,
                    reader.raw(REDIS_USER).orElse(null),
                    reader.raw(REDIS_PASSWORD).orElse(null),
                    connect,
                    timeout,
                    reader.integer(REDIS_POOL_SIZE, 8),
                    reader.text(REDIS_KEY_PREFIX, RedisSettings.DEFAULT_PREFIX));
        } catch (IllegalArgumentException e) {
            throw SettingsReader.invalid(keyOf(e.getMessage()) + ": " + e.getMessage());
        }
    }

    /** Which key a {@link RedisSettings} complaint is about. */
    private static String keyOf(String message) {
        if (message.startsWith("url")) {
            return REDIS_URL;
        }
        if (message.startsWith("timeouts")) {
            return REDIS_CONNECT_TIMEOUT + " or " + REDIS_TIMEOUT;
        }
        if (message.startsWith("pool")) {
            return REDIS_POOL_SIZE;
        }
        return REDIS_KEY_PREFIX;
    }
}
