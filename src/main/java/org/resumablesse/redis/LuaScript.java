package org.resumablesse.redis;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import redis.clients.jedis.UnifiedJedis;
import redis.clients.jedis.exceptions.JedisNoScriptException;

/**
 * One Lua script from this package's resources, run by its SHA-1 and sent whole only when Redis
 * does not know it (first use, or after Redis restarted). Immutable and thread-safe.
 */
final class LuaScript {

    private final String text;
    private final String sha;

    LuaScript(String resource) {
        try (InputStream in = LuaScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing script " + resource);
            }
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            sha =
                    HexFormat.of()
                            .formatHex(
                                    MessageDigest.getInstance("SHA-1")
                                            .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-1 is required of every Java platform", e);
        }
    }

    /** Runs the script with no keys and these arguments (the scripts derive keys from a prefix). */
    Object run(UnifiedJedis redis, List<String> args) {
        try {
            return redis.evalsha(sha, List.of(), args);
        } catch (JedisNoScriptException e) {
            return redis.eval(text, List.of(), args);
        }
    }
}
