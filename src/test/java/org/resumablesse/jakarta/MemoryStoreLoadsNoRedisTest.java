package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.net.URL;
import java.net.URLClassLoader;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Jedis is an optional dependency: a WAR on the memory store has no Redis client, so the adapter's
 * classes must link and read their settings without it, and load no class of the Redis package.
 * Checked in a class loader that holds the module and the server APIs, but not Jedis.
 */
class MemoryStoreLoadsNoRedisTest {

    /** A loader without Jedis that tells which classes it has loaded. */
    private static final class WithoutJedis extends URLClassLoader {
        WithoutJedis(URL... urls) {
            super(urls, ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }
    }

    private static URL jarOf(Class<?> type) {
        return type.getProtectionDomain().getCodeSource().getLocation();
    }

    @Test
    void theAdapterLinksAndReadsTheMemoryStoreSettingWithoutJedisAndLoadsNoRedisClass()
            throws Exception {
        try (WithoutJedis loader =
                new WithoutJedis(
                        jarOf(SseSessionManager.class),
                        jarOf(jakarta.ws.rs.sse.SseEventSink.class),
                        jarOf(org.eclipse.microprofile.config.Config.class),
                        jarOf(org.eclipse.microprofile.metrics.MetricRegistry.class),
                        jarOf(org.eclipse.microprofile.health.HealthCheck.class))) {
            assertThatThrownBy(() -> loader.loadClass("redis.clients.jedis.Jedis"))
                    .isInstanceOf(ClassNotFoundException.class);

            for (String adapter :
                    new String[] {
                        "org.resumablesse.jakarta.SseSessionManager",
                        "org.resumablesse.jakarta.SettingsReader",
                        "org.resumablesse.jakarta.MetricsBridge",
                        "org.resumablesse.jakarta.health.StoreReadiness"
                    }) {
                Class.forName(adapter, true, loader);
            }
            Class<?> configType = loader.loadClass("org.eclipse.microprofile.config.Config");
            Object config =
                    Proxy.newProxyInstance(
                            loader,
                            new Class<?>[] {configType},
                            (proxy, method, args) -> Optional.empty());
            Class<?> readerType = loader.loadClass("org.resumablesse.jakarta.SettingsReader");
            Constructor<?> constructor = readerType.getDeclaredConstructor(configType);
            constructor.setAccessible(true);
            Method redisStore = readerType.getDeclaredMethod("redisStore");
            redisStore.setAccessible(true);

            assertThat(redisStore.invoke(constructor.newInstance(config))).isEqualTo(false);
            assertThat(loader.loaded("org.resumablesse.redis.RedisSettings")).isFalse();
            assertThat(loader.loaded("org.resumablesse.jakarta.RedisStoreFactory")).isFalse();
            assertThat(loader.loaded("org.resumablesse.jakarta.RedisMetricsBridge")).isFalse();
        }
    }
}
