package org.resumablesse.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.core.Await;
import org.resumablesse.spi.StoredEvent;

/** A node answers a live read (just behind the head) from what it holds, without Redis. */
class RedisLiveReadTest {

    private static final Audience NEWS = Audience.topic("news");
    private final String prefix = "live-" + UUID.randomUUID() + ":";
    private final AtomicLong roundTripsOfA = new AtomicLong();
    private final AtomicLong roundTripsOfB = new AtomicLong();
    private RedisServer server;
    private RedisEventStore a;
    private RedisEventStore b;

    @BeforeEach
    void start() {
        server = RedisServer.start();
        a = node(counting(roundTripsOfA));
        a.append(NEWS, "e", "before b started", 0);
        b = node(counting(roundTripsOfB));
    }

    @AfterEach
    void stop() {
        a.close();
        b.close();
        server.close();
    }

    private static RedisMetrics counting(AtomicLong roundTrips) {
        return new RedisMetrics() {
            @Override
            public void roundTrip(long nanos) {
                roundTrips.incrementAndGet();
            }
        };
    }

    @Test
    void aNodeReadsItsOwnAppendsWithoutARoundTripOnceAppendReturned() {
        StoredEvent first = a.append(NEWS, "e", "1", 1);
        StoredEvent second = a.append(NEWS, "e", "2", 2);

        long before = roundTripsOfA.get();
        List<StoredEvent> live =
                a.readAfter(first.epoch(), Set.of(NEWS), first.sequence() - 1, 10).events();

        assertThat(live).containsExactly(first, second);
        assertThat(roundTripsOfA.get() - before).isZero();
    }

    private RedisEventStore node(RedisMetrics metrics) {
        return RedisEventStore.open(
                RedisSettings.of(server.url(), prefix),
                100,
                100,
                new SecureRandom(),
                metrics,
                Duration.ofMillis(200),
                Thread::new);
    }

    @Test
    void aNodeReadsWhatItWasJustToldOfWithoutARoundTripAndOlderPositionsFromRedis() {
        List<StoredEvent> toldToB = Collections.synchronizedList(new ArrayList<>());
        b.setAppendListener(toldToB::add);
        StoredEvent first = a.append(NEWS, "e", "1", 1);
        Await.until("b was told of the first event", () -> toldToB.size() == 1);
        StoredEvent second = a.append(NEWS, "e", "2", 2);
        Await.until("b was told of the second event", () -> toldToB.size() == 2);

        long before = roundTripsOfB.get();
        List<StoredEvent> live =
                b.readAfter(a.epoch(), Set.of(NEWS), first.sequence(), 10).events();
        long liveTrips = roundTripsOfB.get() - before;
        List<StoredEvent> older = b.readAfter(a.epoch(), Set.of(NEWS), 0, 10).events();

        assertThat(live).containsExactly(second);
        assertThat(liveTrips).isZero();
        assertThat(older)
                .extracting(StoredEvent::data)
                .containsExactly("before b started", "1", "2");
        assertThat(roundTripsOfB.get() - before).isPositive();
    }
}
