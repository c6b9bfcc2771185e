package org.resumablesse.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.core.Await;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;
import redis.clients.jedis.Jedis;
import redis.clients.jedis.StreamEntryID;

/** Several nodes on one Redis: the feed, a flushed Redis, and Redis gone. One server per test. */
class RedisSharedHistoryTest {

    private static final Audience NEWS = Audience.topic("news");
    private final String prefix = "shared-" + UUID.randomUUID() + ":";
    private final List<EventStore> stores = new ArrayList<>();
    private RedisServer server;

    @BeforeEach
    void startRedis() {
        server = RedisServer.start();
    }

    @AfterEach
    void stop() {
        stores.forEach(EventStore::close);
        server.close();
    }

    private RedisEventStore node() {
        RedisEventStore store =
                RedisEventStore.open(
                        RedisSettings.of(server.url(), prefix),
                        100,
                        100,
                        new SecureRandom(),
                        RedisMetrics.NONE,
                        Duration.ofMillis(200),
                        Thread::new);
        stores.add(store);
        return store;
    }

    @Test
    void aSecondNodeIsToldOfEveryEventTheFirstAppendsOnceAndInOrder() {
        RedisEventStore a = node();
        RedisEventStore b = node();
        List<Long> heardByA = Collections.synchronizedList(new ArrayList<>());
        List<StoredEvent> heardByB = Collections.synchronizedList(new ArrayList<>());
        a.setAppendListener(event -> heardByA.add(event.sequence()));
        b.setAppendListener(heardByB::add);
        List<StoredEvent> appended = new ArrayList<>();

        for (int i = 0; i < 300; i++) {
            appended.add(a.append(i % 3 == 0 ? NEWS : Audience.everyone(), "e", "d" + i, i));
        }

        Await.until("b heard 300 events", () -> heardByB.size() >= 300);
        assertThat(heardByB).containsExactlyElementsOf(appended);
        assertThat(heardByA).hasSize(300);
        assertThat(b.feedLag()).isZero();
    }

    @Test
    void aHoleInTheFeedTellsTheListenerItMissedEventsBeforeTheNextOne() {
        RedisEventStore a = node();
        RedisEventStore b = node();
        AtomicInteger missed = new AtomicInteger();
        List<Long> heard = Collections.synchronizedList(new ArrayList<>());
        b.setAppendListener(
                new EventStore.AppendListener() {
                    @Override
                    public void appended(StoredEvent event) {
                        heard.add(event.sequence());
                    }

                    @Override
                    public void missed() {
                        missed.incrementAndGet();
                    }
                });
        a.append(NEWS, "n", "1", 1);
        Await.until("b heard the first event", () -> heard.size() == 1);

        // As if the feed had been trimmed past what b read: the next entry it finds is 5.
        try (Jedis jedis =
                new Jedis(URI.create(server.url()).getHost(), URI.create(server.url()).getPort())) {
            jedis.xadd(
                    prefix + "feed:" + a.epoch(),
                    new StreamEntryID(5, 0),
                    Map.of("s", "t:news", "n", "n", "d", "5", "t", "5", "o", "elsewhere"));
        }

        Await.until("b heard the entry after the hole", () -> heard.size() == 2);
        assertThat(heard).containsExactly(1L, 5L);
        assertThat(missed.get()).isEqualTo(1);
    }

    @Test
    void aCounterThatWentBackStartsANewEpochSoNoSequenceIsGivenOutTwice() {
        RedisEventStore a = node();
        for (int i = 0; i < 5; i++) {
            a.append(NEWS, "n", "" + i, i);
        }
        String old = a.epoch();
        // As if Redis had come back from a snapshot taken after the second event.
        try (Jedis jedis =
                new Jedis(URI.create(server.url()).getHost(), URI.create(server.url()).getPort())) {
            jedis.set(prefix + "seq", "2");
        }

        StoredEvent next = a.append(NEWS, "n", "again", 6);

        assertThat(next.epoch()).isNotEqualTo(old);
        assertThat(a.readAfter(old, Set.of(NEWS), 2, 10).complete()).isFalse();
        assertThat(a.epoch()).isEqualTo(next.epoch());
    }

    @Test
    void afterAFlushTheEpochIsRenewedAndPositionsOfTheOldOneFindAGapNeverNewEvents() {
        RedisEventStore a = node();
        RedisEventStore b = node();
        AtomicInteger missedByB = new AtomicInteger();
        b.setAppendListener(
                new EventStore.AppendListener() {
                    @Override
                    public void appended(StoredEvent event) {}

                    @Override
                    public void missed() {
                        missedByB.incrementAndGet();
                    }
                });
        for (int i = 0; i < 5; i++) {
            a.append(NEWS, "old", "" + i, i);
        }
        String old = a.epoch();

        server.flushAll();
        StoredEvent fresh = a.append(NEWS, "new", "x", 10);
        a.append(NEWS, "new", "y", 11);

        assertThat(fresh.epoch()).isNotEqualTo(old);
        assertThat(fresh.sequence()).isEqualTo(1);
        assertThat(b.epoch()).isEqualTo(fresh.epoch());
        assertThat(a.readAfter(old, Set.of(NEWS), 0, 100).complete()).isFalse();
        assertThat(b.readAfter(old, Set.of(NEWS), 0, 100)).isEqualTo(History.incomplete(2));
        assertThat(b.readAfter(fresh.epoch(), Set.of(NEWS), 0, 100).events())
                .extracting(StoredEvent::name)
                .containsExactly("new", "new");
        Await.until("b was told it missed events", () -> missedByB.get() > 0);
    }

    @Test
    void publishingWhileRedisIsDownIsRejectedWithAReasonAndReadsFindNothingNew() {
        RedisEventStore a = node();
        a.append(NEWS, "n", "1", 1);

        server.close();

        assertThatThrownBy(() -> a.append(NEWS, "n", "2", 2))
                .isInstanceOfSatisfying(
                        EventRejectedException.class,
                        e ->
                                assertThat(e.reason())
                                        .isEqualTo(
                                                EventRejectedException.Reason.STORE_UNAVAILABLE));
        assertThat(a.readAfter(a.epoch(), Set.of(NEWS), 1, 10))
                .isEqualTo(new History(List.of(), true, 1));
        assertThat(a.head()).as("the last head seen").isEqualTo(1);
    }
}
