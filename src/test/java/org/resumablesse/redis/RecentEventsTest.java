package org.resumablesse.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

/** What the node-local tail answers, and when it sends a read to Redis instead (null). */
class RecentEventsTest {

    private static final String EPOCH = "00000000000000aa";
    private static final Audience NEWS = Audience.topic("news");
    private static final Audience SPORT = Audience.topic("sport");

    private static StoredEvent event(long sequence, Audience stream) {
        return new StoredEvent(EPOCH, sequence, stream, "e", "d" + sequence, sequence);
    }

    private static RecentEvents startedAt(long head) {
        RecentEvents recent = new RecentEvents(4, 1000);
        recent.startAt(EPOCH, head);
        return recent;
    }

    @Test
    void answersAReadWithinWhatItHoldsWithTheAskedStreamsOnly() {
        RecentEvents recent = startedAt(10);
        recent.fromFeed(event(11, NEWS));
        recent.fromFeed(event(12, SPORT));
        recent.fromFeed(event(13, NEWS));

        History read = recent.read(EPOCH, Set.of(NEWS), 10, 100, 13);

        assertThat(read.complete()).isTrue();
        assertThat(read.head()).isEqualTo(13);
        assertThat(read.events()).extracting(StoredEvent::sequence).containsExactly(11L, 13L);
        assertThat(recent.read(EPOCH, Set.of(NEWS), 11, 1, 13).events())
                .extracting(StoredEvent::sequence)
                .containsExactly(13L);
        assertThat(recent.read(EPOCH, Set.of(NEWS), 13, 100, 13).events()).isEmpty();
    }

    @Test
    void sendsToRedisAnOlderPositionAnotherEpochOrWhenANewerEventWasSeen() {
        RecentEvents recent = startedAt(10);
        recent.fromFeed(event(11, NEWS));

        assertThat(recent.read(EPOCH, Set.of(NEWS), 9, 100, 11)).isNull();
        assertThat(recent.read("00000000000000bb", Set.of(NEWS), 10, 100, 11)).isNull();
        assertThat(recent.read(EPOCH, Set.of(NEWS), 10, 100, 12)).isNull();
        assertThat(recent.read(EPOCH, Set.of(NEWS), 12, 100, 11)).isNull();
    }

    @Test
    void holdsOwnAppendsThatFollowOnAndKeepsEarlierOnesUntilTheFeedCatchesUp() {
        RecentEvents recent = startedAt(10);
        recent.appended(event(11, NEWS));
        recent.appended(event(13, NEWS));

        assertThat(recent.read(EPOCH, Set.of(NEWS), 10, 100, 11).events()).hasSize(1);
        assertThat(recent.read(EPOCH, Set.of(NEWS), 10, 100, 13)).isNull();

        recent.fromFeed(event(11, NEWS));
        recent.fromFeed(event(12, SPORT));

        assertThat(recent.read(EPOCH, Set.of(NEWS, SPORT), 10, 100, 13).events())
                .extracting(StoredEvent::sequence)
                .containsExactly(11L, 12L, 13L);
    }

    @Test
    void aHoleInTheFeedStartsOverAfterIt() {
        RecentEvents recent = startedAt(10);
        recent.fromFeed(event(11, NEWS));
        recent.fromFeed(event(15, NEWS));

        assertThat(recent.read(EPOCH, Set.of(NEWS), 11, 100, 15)).isNull();
        assertThat(recent.read(EPOCH, Set.of(NEWS), 14, 100, 15).events())
                .extracting(StoredEvent::sequence)
                .containsExactly(15L);
    }

    @Test
    void clearingForgetsWhatItHeldButStillAnswersFromTheHead() {
        RecentEvents recent = startedAt(10);
        recent.fromFeed(event(11, NEWS));

        recent.clear();

        assertThat(recent.read(EPOCH, Set.of(NEWS), 10, 100, 11)).isNull();
        assertThat(recent.read(EPOCH, Set.of(NEWS), 11, 100, 11).events()).isEmpty();
        recent.fromFeed(event(12, NEWS));
        assertThat(recent.read(EPOCH, Set.of(NEWS), 11, 100, 12).events()).hasSize(1);
    }

    @Test
    void holdsAtMostItsSizeAndItsCharactersDroppingTheOldest() {
        RecentEvents recent = startedAt(0);
        for (long s = 1; s <= 6; s++) {
            recent.fromFeed(event(s, NEWS));
        }

        assertThat(recent.read(EPOCH, Set.of(NEWS), 1, 100, 6)).isNull();
        assertThat(recent.read(EPOCH, Set.of(NEWS), 2, 100, 6).events()).hasSize(4);

        RecentEvents small = new RecentEvents(4, 10);
        small.startAt(EPOCH, 0);
        small.fromFeed(new StoredEvent(EPOCH, 1, NEWS, "e", "12345", 1));
        small.fromFeed(new StoredEvent(EPOCH, 2, NEWS, "e", "12345", 2));
        assertThat(small.read(EPOCH, Set.of(NEWS), 0, 100, 2)).isNull();
        assertThat(small.read(EPOCH, Set.of(NEWS), 1, 100, 2).events()).hasSize(1);
    }
}
