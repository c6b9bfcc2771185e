package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;

class SubscriptionsTest {

    private final Subscriptions subscriptions = new Subscriptions();

    @Test
    void namesOnlyTheFollowersOfAStream() {
        Connection news = live(Set.of(Audience.topic("news")), new RecordingTransport());
        Connection sport = live(Set.of(Audience.topic("sport")), new RecordingTransport());
        subscriptions.add(news);
        subscriptions.add(sport);

        assertThat(subscriptions.followers(Audience.topic("news"))).containsExactly(news);
        assertThat(subscriptions.followers(Audience.topic("weather"))).isEmpty();
    }

    @Test
    void forgetsAStreamWhenItsLastFollowerLeaves() {
        Connection first = live(Set.of(Audience.topic("news")), new RecordingTransport());
        Connection second = live(Set.of(Audience.topic("news")), new RecordingTransport());
        subscriptions.add(first);
        subscriptions.add(second);

        subscriptions.remove(first);
        assertThat(subscriptions.isFollowed(Audience.topic("news"))).isTrue();
        subscriptions.remove(second);

        assertThat(subscriptions.isFollowed(Audience.topic("news"))).isFalse();
        assertThat(subscriptions.all()).isEmpty();
    }

    /**
     * Regression: a connection that joined a stream while the stream's last follower left could be
     * added to a follower set that had just been dropped from the map, and then never received a
     * live event of that stream (a silent gap). A tab reload does exactly this with its session
     * stream. The race is narrow: each round crosses thousands of streams, and the two threads
     * start together from a spinning barrier.
     */
    @Test
    void aFollowerJoiningWhileTheLastOneLeavesStillGetsLiveEvents() throws Exception {
        int streamsPerRound = 2000;
        long budget = TimeUnit.MILLISECONDS.toNanos(1500);
        long deadline = System.nanoTime() + budget;
        for (int round = 0; round < 3000 && System.nanoTime() < deadline; round++) {
            Set<Audience> streams = new LinkedHashSet<>();
            for (int i = 0; i < streamsPerRound; i++) {
                streams.add(Audience.topic("r" + round + "-" + i));
            }
            Connection leaving = live(streams, new RecordingTransport());
            Connection joining = live(streams, new RecordingTransport());
            subscriptions.add(leaving);
            AtomicInteger ready = new AtomicInteger();
            Thread leaver = new Thread(() -> together(ready, () -> subscriptions.remove(leaving)));
            leaver.start();
            together(ready, () -> subscriptions.add(joining));
            leaver.join(Await.scaled(Await.DEFAULT).toMillis());

            for (Audience stream : streams) {
                assertThat(subscriptions.isFollowed(stream))
                        .as("round %d: %s followed by the joining connection", round, stream)
                        .isTrue();
            }
            subscriptions.remove(joining);
        }
    }

    /** Starts the work once both threads are here, within nanoseconds of each other. */
    private static void together(AtomicInteger ready, Runnable work) {
        ready.incrementAndGet();
        while (ready.get() < 2) {
            Thread.onSpinWait();
        }
        work.run();
    }

    private static Connection live(Set<Audience> streams, RecordingTransport transport) {
        InMemoryEventStore store = new InMemoryEventStore(10, new SecureRandom());
        Connection connection =
                new Connection(
                        null,
                        streams,
                        transport,
                        new Delivery(store, Ticker.system(), EngineMetrics.NONE, 65_536, false),
                        (c, cause) -> {});
        connection.begin(EventFrameEncoder.comment("start"), List.of(), store.epoch(), 0);
        return connection;
    }
}
