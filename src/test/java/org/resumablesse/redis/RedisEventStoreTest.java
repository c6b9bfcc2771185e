package org.resumablesse.redis;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.EventStoreContract;

/** The event store contract against Redis: each store gets a key prefix of its own. */
class RedisEventStoreTest extends EventStoreContract {

    private static RedisServer server;

    @BeforeAll
    static void startRedis() {
        if (server == null) {
            server = RedisServer.start();
        }
    }

    @AfterAll
    static void stopRedis() {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    protected EventStore newStore(int capacity) {
        return RedisEventStore.open(
                RedisSettings.of(server.url(), "test-" + UUID.randomUUID() + ":"),
                capacity,
                100,
                new SecureRandom(),
                RedisMetrics.NONE,
                Duration.ofMillis(200),
                Thread::new);
    }
}
