package org.resumablesse.redis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.resumablesse.EventRejectedException.Reason.STORE_UNAVAILABLE;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.core.Await;
import org.resumablesse.spi.StoredEvent;

/** Concurrent publishers on one node share script runs; one Redis server per test. */
class RedisAppendBatchTest {

    private static final int PUBLISHERS = 8;
    private final AtomicLong roundTrips = new AtomicLong();
    private final RedisMetrics metrics =
            new RedisMetrics() {
                @Override
                public void roundTrip(long nanos) {
                    roundTrips.incrementAndGet();
                }
            };
    private final ExecutorService pool = Executors.newFixedThreadPool(PUBLISHERS);
    private RedisServer server;
    private RedisEventStore store;

    @BeforeEach
    void start() {
        server = RedisServer.start();
        store =
                RedisEventStore.open(
                        new RedisSettings(
                                URI.create(server.url()),
                                null,
                                null,
                                Duration.ofSeconds(2),
                                Duration.ofMillis(300),
                                PUBLISHERS,
                                "batch-" + UUID.randomUUID() + ":"),
                        1000,
                        100,
                        new SecureRandom(),
                        metrics,
                        Duration.ofMillis(200),
                        Thread::new);
    }

    @AfterEach
    void stop() {
        pool.shutdownNow();
        store.close();
        server.close();
    }

    /** Each publisher appends {@code count} events "p:i" to its own topic, all starting at once. */
    private List<Future<List<Object>>> publishAtOnce(int count) {
        CountDownLatch go = new CountDownLatch(1);
        List<Future<List<Object>>> outcomes = new ArrayList<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            int publisher = p;
            outcomes.add(
                    pool.submit(
                            () -> {
                                go.await();
                                List<Object> mine = new ArrayList<>();
                                for (int i = 0; i < count; i++) {
                                    try {
                                        mine.add(
                                                store.append(
                                                        Audience.topic("t" + publisher),
                                                        "e",
                                                        publisher + ":" + i,
                                                        i));
                                    } catch (EventRejectedException e) {
                                        mine.add(e);
                                    }
                                }
                                return mine;
                            }));
        }
        go.countDown();
        return outcomes;
    }

    private static List<Object> get(Future<List<Object>> outcome) throws Exception {
        return outcome.get(Await.scaled(Duration.ofSeconds(60)).toMillis(), TimeUnit.MILLISECONDS);
    }

    @Test
    void concurrentPublishersGetDistinctSequencesInTheirOwnOrderAndShareRoundTrips()
            throws Exception {
        int perPublisher = 300;
        long before = roundTrips.get();
        List<Future<List<Object>>> outcomes = publishAtOnce(perPublisher);

        Set<Long> sequences = new HashSet<>();
        Set<Audience> topics = new HashSet<>();
        for (int p = 0; p < PUBLISHERS; p++) {
            List<Object> mine = get(outcomes.get(p));
            long last = 0;
            for (int i = 0; i < perPublisher; i++) {
                StoredEvent event = (StoredEvent) mine.get(i);
                assertThat(event.data()).isEqualTo(p + ":" + i);
                assertThat(event.sequence()).as("publisher %d, event %d", p, i).isGreaterThan(last);
                last = event.sequence();
                sequences.add(event.sequence());
            }
            topics.add(Audience.topic("t" + p));
        }
        long appends = (long) PUBLISHERS * perPublisher;
        assertThat(sequences).hasSize((int) appends);
        assertThat(sequences).allMatch(s -> s >= 1 && s <= appends);
        assertThat(roundTrips.get() - before).isLessThan(appends);
        List<StoredEvent> read = store.readAfter(topics, 0).events();
        assertThat(read).hasSize((int) appends);
        for (StoredEvent event : read) {
            String[] publisherAndIndex = event.data().split(":");
            assertThat(event.stream()).isEqualTo(Audience.topic("t" + publisherAndIndex[0]));
        }
    }

    @Test
    void whenRedisDoesNotAnswerEveryWaitingPublisherIsRefusedAsStoreUnavailable() throws Exception {
        store.append(Audience.everyone(), "e", "before", 0);
        server.pause();
        List<Future<List<Object>>> outcomes;
        try {
            outcomes = publishAtOnce(1);
            for (Future<List<Object>> outcome : outcomes) {
                List<Object> mine = get(outcome);
                assertThat(mine).hasSize(1).allMatch(EventRejectedException.class::isInstance);
                assertThat(((EventRejectedException) mine.get(0)).reason())
                        .isEqualTo(STORE_UNAVAILABLE);
            }
        } finally {
            server.resume();
        }
        StoredEvent after = store.append(Audience.everyone(), "e", "after", 0);
        assertThat(after.sequence()).isGreaterThan(1);
    }
}
