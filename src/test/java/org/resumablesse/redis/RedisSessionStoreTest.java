package org.resumablesse.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.resumablesse.spi.SessionStore;
import org.resumablesse.spi.SessionStoreContract;

/** The session store contract against Redis, and what only a store shared by nodes must do. */
class RedisSessionStoreTest extends SessionStoreContract {

    private static final Duration LEASE = Duration.ofMillis(1000);
    private static RedisServer server;
    private String prefix;

    @BeforeAll
    static void startRedis() {
        server = RedisServer.start();
    }

    @AfterAll
    static void stopRedis() {
        server.close();
    }

    @Override
    protected SessionStore newStore(int maxSessions) {
        prefix = "test-" + UUID.randomUUID() + ":";
        return node(maxSessions);
    }

    /** Another node on the same keys as the last store made. */
    private SessionStore node(int maxSessions) {
        SessionStore node =
                RedisSessionStore.open(
                        RedisSettings.of(server.url(), prefix),
                        maxSessions,
                        LEASE,
                        RedisMetrics.NONE);
        return node;
    }

    @Test
    void aSessionCreatedOnOneNodeIsFoundAttachedAndCountedOnAnother() {
        SessionStore a = store(10);
        SessionStore b = node(10);
        try {
            String[] s = names();
            a.create(s[0], s[1], "c1", 0);

            assertThat(b.findByTokenHash(s[1])).contains(s[0]);
            assertThat(b.attach(s[0], "c1", 0)).as("the same id on another node").isTrue();
            a.detach(s[0], "c1", 10);

            assertThat(b.expireIdle(10_000, 10)).as("still open on b").isEmpty();
            b.detach(s[0], "c1", 20);
            assertThat(a.expireIdle(30, 10)).containsExactly(s[0]);
        } finally {
            b.close();
        }
    }

    @Test
    void theConnectionsOfANodeWhoseLeaseRanOutNoLongerKeepASessionAlive() {
        SessionStore crashed = store(10);
        SessionStore survivor = node(10);
        try {
            String[] s = names();
            crashed.create(s[0], s[1], "c1", 0);
            crashed.attach(s[0], "c2", 0);

            assertThat(survivor.expireIdle(LEASE.toMillis() - 1, 10)).as("lease holds").isEmpty();
            assertThat(survivor.expireIdle(LEASE.toMillis() + 1, 10))
                    .as("lease ran out: closed now, expires a TTL later")
                    .isEmpty();
            assertThat(survivor.connected()).isZero();
            assertThat(survivor.expireIdle(LEASE.toMillis() + 11, 10)).containsExactly(s[0]);
        } finally {
            survivor.close();
        }
    }

    @Test
    void aNodeThatRenewsItsLeaseKeepsItsSessionsAlive() {
        SessionStore a = store(10);
        SessionStore b = node(10);
        try {
            String[] s = names();
            a.create(s[0], s[1], "c1", 0);
            for (long now = 500; now <= 5000; now += 500) {
                a.expireIdle(now, 10);
                assertThat(b.expireIdle(now, 10)).as("at %d", now).isEmpty();
            }

            assertThat(b.isLive(s[0])).isTrue();
        } finally {
            b.close();
        }
    }

    @Test
    void aCreateOrAttachThatReachesRedisAfterItsConnectionWasDetachedCountsNothing() {
        SessionStore store = store(10);
        String[] s = names();
        String[] late = names();
        store.create(s[0], s[1], "c1", 0);
        store.detach(s[0], "c2", 5);
        store.detach(s[0], "c3", 5);
        store.detach(late[0], "c4", 5);

        assertThat(store.attach(s[0], "c2", 6)).isFalse();
        assertThat(store.create(late[0], late[1], "c4", 6)).isFalse();
        store.detach(s[0], "c1", 10);

        assertThat(store.isLive(late[0])).isFalse();
        assertThat(store.connected()).isZero();
        assertThat(store.expireIdle(20, 10)).containsExactly(s[0]);
        assertThat(store.attach(names()[0], "c3", 30)).isFalse();
    }
}
