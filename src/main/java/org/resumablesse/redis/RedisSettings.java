package org.resumablesse.redis;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Objects;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.HostAndPort;
import redis.clients.jedis.JedisClientConfig;

/**
 * Where Redis is and how to talk to it. {@code url} is {@code redis://host:port/db} or {@code
 * rediss://…} (TLS); a user and password given separately win over those in the URL, so secrets can
 * come from another configuration source than the URL.
 *
 * <p>Immutable and thread-safe. The constructor checks every part and throws {@link
 * IllegalArgumentException} naming the part that is wrong.
 *
 * @param url the server, never null
 * @param user the ACL user, or null for the URL's or none
 * @param password the password, or null for the URL's or none
 * @param connectTimeout how long connecting may take
 * @param timeout how long a command may take
 * @param poolSize the most connections for commands (the feed follower has one more of its own)
 * @param keyPrefix put before every key, so several applications can share one Redis
 */
public record RedisSettings(
        URI url,
        String user,
        String password,
        Duration connectTimeout,
        Duration timeout,
        int poolSize,
        String keyPrefix) {

    /** The key prefix when none is configured. */
    public static final String DEFAULT_PREFIX = "resumable-sse:";

    public RedisSettings {
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
        if (!"redis".equals(url.getScheme()) && !"rediss".equals(url.getScheme())) {
            throw new IllegalArgumentException("url must start with redis:// or rediss://");
        }
        if (url.getHost() == null || url.getHost().isEmpty()) {
            throw new IllegalArgumentException("url must name a host");
        }
        database(url);
        if (connectTimeout.toMillis() < 1 || timeout.toMillis() < 1) {
            throw new IllegalArgumentException("timeouts must be at least 1ms");
        }
        if (connectTimeout.toMillis() > Integer.MAX_VALUE
                || timeout.toMillis() > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("timeouts must be below 24 days");
        }
        if (poolSize < 1) {
            throw new IllegalArgumentException("pool size must be at least 1");
        }
        if (keyPrefix.isEmpty() || keyPrefix.chars().anyMatch(c -> c <= ' ' || c > '~')) {
            throw new IllegalArgumentException("key prefix must be printable ASCII without spaces");
        }
    }

    /** Settings with the defaults: 2 s to connect, 2 s per command, 8 connections. */
    public static RedisSettings of(String url, String keyPrefix) {
        return new RedisSettings(
                URI.create(url),
                null,
                null,
                Duration.ofSeconds(2),
                Duration.ofSeconds(2),
                8,
                keyPrefix);
    }

    HostAndPort hostAndPort() {
        return new HostAndPort(url.getHost(), url.getPort() < 0 ? 6379 : url.getPort());
    }

    /** The client configuration: TLS, database, credentials and timeouts. */
    JedisClientConfig clientConfig() {
        String[] fromUrl = userInfo();
        DefaultJedisClientConfig.Builder config =
                DefaultJedisClientConfig.builder()
                        .ssl("rediss".equals(url.getScheme()))
                        .database(database(url))
                        .connectionTimeoutMillis((int) connectTimeout.toMillis())
                        .socketTimeoutMillis((int) timeout.toMillis())
                        .clientName("resumable-sse");
        String name = user != null ? user : fromUrl[0];
        String secret = password != null ? password : fromUrl[1];
        if (name != null && !name.isEmpty()) {
            config.user(name);
        }
        if (secret != null && !secret.isEmpty()) {
            config.password(secret);
        }
        return config.build();
    }

    /**
     * The configuration of the feed follower's connection: as {@link #clientConfig()}, and a
     * blocking read that gets no answer within the block time plus the command timeout fails, so a
     * follower cut off without a reset notices.
     */
    JedisClientConfig feedClientConfig(Duration block) {
        return DefaultJedisClientConfig.builder()
                .from(clientConfig())
                .blockingSocketTimeoutMillis(
                        (int) Math.min(Integer.MAX_VALUE, block.plus(timeout).toMillis()))
                .build();
    }

    private String[] userInfo() {
        String info = url.getRawUserInfo();
        if (info == null) {
            return new String[2];
        }
        int colon = info.indexOf(':');
        return colon < 0
                ? new String[] {null, decode(info)}
                : new String[] {
                    decode(info.substring(0, colon)), decode(info.substring(colon + 1))
                };
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }

    private static int database(URI url) {
        String path = url.getPath();
        if (path == null || path.isEmpty() || path.equals("/")) {
            return 0;
        }
        try {
            int db = Integer.parseInt(path.substring(1));
            if (db >= 0) {
                return db;
            }
        } catch (NumberFormatException e) {
            // Falls through to the message below.
        }
        throw new IllegalArgumentException("url path must be a database number like /0");
    }

    @Override
    public String toString() {
        // Never the password, nor the URL's user info.
        return "RedisSettings[" + url.getScheme() + "://" + hostAndPort() + ", " + keyPrefix + "]";
    }
}
