package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.spi.History;

/**
 * The in-memory store holds at most max-streams streams besides broadcast, and says so when one
 * went.
 */
class StreamLimitTest {

    @Test
    void dropsLeastRecentlyUsedStreamPastTheLimitAndReportsTheGap() {
        InMemoryEventStore store =
                new InMemoryEventStore(10, 2, Long.MAX_VALUE, new SecureRandom());
        store.append(Audience.everyone(), "b", "0", 1);
        store.append(Audience.topic("a"), "e", "1", 1);
        store.append(Audience.topic("b"), "e", "2", 2);
        store.append(Audience.topic("a"), "e", "3", 3);
        store.append(Audience.topic("c"), "e", "4", 4);

        assertThat(store.stats().streams()).isEqualTo(3);
        History fromStart = store.readAfter(Set.of(Audience.topic("b")), 0);
        assertThat(fromStart.complete()).isFalse();
        assertThat(store.readAfter(Set.of(Audience.topic("a"), Audience.everyone()), 0).events())
                .extracting(e -> e.data())
                .containsExactly("0", "1", "3");
        assertThat(store.stats().events()).isEqualTo(4);
    }

    @Test
    void neverDropsTheBroadcastStream() {
        InMemoryEventStore store =
                new InMemoryEventStore(10, 1, Long.MAX_VALUE, new SecureRandom());
        store.append(Audience.everyone(), "b", "0", 1);
        store.append(Audience.topic("a"), "e", "1", 2);
        store.append(Audience.topic("b"), "e", "2", 3);

        assertThat(store.readAfter(Set.of(Audience.everyone()), 0).events()).hasSize(1);
        assertThat(store.readAfter(Set.of(Audience.topic("a")), 0).complete()).isFalse();
    }

    @Test
    void refusesDurationsShorterThanOneMillisecondNamingTheKey() {
        assertThatThrownBy(
                        () ->
                                TestEngines.settings()
                                        .heartbeatInterval(Duration.ofNanos(500_000))
                                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("resumable-sse.heartbeat-interval")
                .hasMessageContaining("at least 1ms");
    }

    @Test
    void refusesAStreamLimitBelowOneNamingTheKey() {
        assertThatThrownBy(() -> TestEngines.settings().maxStreams(0).build())
                .hasMessageContaining("resumable-sse.max-streams");
    }

    @Test
    void forgetsRemovalsPastTheLimitOnlyByRaisingTheFloorForUnknownStreams() {
        InMemoryEventStore store =
                new InMemoryEventStore(10, 1, Long.MAX_VALUE, new SecureRandom());
        store.append(Audience.topic("a"), "e", "1", 1);
        store.append(Audience.topic("b"), "e", "2", 2);
        store.removeStream(Audience.topic("a"));
        store.removeStream(Audience.topic("b"));

        assertThat(store.readAfter(Set.of(Audience.topic("a")), 0).complete()).isFalse();
        assertThat(store.readAfter(Set.of(Audience.topic("never")), 0).complete()).isFalse();
        assertThat(store.readAfter(Set.of(Audience.topic("never")), 1).complete()).isTrue();
        assertThat(store.readAfter(Set.of(Audience.topic("b")), 1).complete()).isFalse();
        store.append(Audience.topic("a"), "e", "3", 3);
        assertThat(store.readAfter(Set.of(Audience.topic("a")), 0).complete()).isFalse();
        assertThat(store.readAfter(Set.of(Audience.topic("a")), 2).events()).hasSize(1);
    }
}
