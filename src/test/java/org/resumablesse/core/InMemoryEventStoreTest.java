package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.resumablesse.Audience;
import org.resumablesse.spi.EventStore;
import org.resumablesse.spi.EventStoreContract;
import org.resumablesse.spi.History;
import org.resumablesse.spi.StoredEvent;

class InMemoryEventStoreTest extends EventStoreContract {

    @Override
    protected EventStore newStore(int capacity) {
        return new InMemoryEventStore(capacity, new SecureRandom());
    }

    @Test
    void withCapacityZeroKeepsNothingButStillNumbersAndDelivers() {
        InMemoryEventStore store = new InMemoryEventStore(0, new SecureRandom());
        int[] heard = new int[1];
        store.setAppendListener(event -> heard[0]++);

        store.append(Audience.everyone(), "x", "d", 1);
        store.append(Audience.everyone(), "x", "d", 2);

        assertThat(store.head()).isEqualTo(2);
        assertThat(heard[0]).isEqualTo(2);
        assertThat(store.stats().events()).isZero();
        assertThat(store.readAfter(Set.of(Audience.everyone()), 1))
                .isEqualTo(History.incomplete(2));
        assertThat(store.readAfter(Set.of(Audience.everyone()), 2).complete()).isTrue();
    }

    @Test
    void readsOnePageOfASingleEventAndRefusesAnEmptyPage() {
        InMemoryEventStore store = new InMemoryEventStore(10, new SecureRandom());
        store.append(Audience.everyone(), "x", "1", 1);
        store.append(Audience.everyone(), "x", "2", 2);

        History page = store.readAfter(Set.of(Audience.everyone()), 0, 1);

        assertThat(page.events()).extracting(StoredEvent::data).containsExactly("1");
        assertThat(page.complete()).isTrue();
        assertThatThrownBy(() -> store.readAfter(Set.of(Audience.everyone()), 0, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void closingLetsGoOfEveryRetainedEvent() {
        InMemoryEventStore store = new InMemoryEventStore(10, new SecureRandom());
        store.append(Audience.everyone(), "x", "1", 1);
        store.append(Audience.topic("news"), "x", "2", 2);

        store.close();

        assertThat(store.stats()).isEqualTo(new EventStore.StoreStats(0, 0, 0));
    }

    @Test
    void countsWhatHistoryReallyHoldsFramesIncluded() {
        InMemoryEventStore store = new InMemoryEventStore(10, new SecureRandom());
        String data = "x".repeat(100);

        store.append(Audience.everyone(), "tick", data, 1);

        long frame =
                EventFrameEncoder.event("tick", Cursor.format(store.epoch(), 1), data, -1).size();
        assertThat(store.stats().bytes())
                .as("the data as a string, the encoded frame, and the objects around them")
                .isGreaterThan(data.length() + frame + 100)
                .isLessThan(3 * (data.length() + frame) + 400);
    }

    @Test
    void pastTheByteBudgetDropsTheOldestEventsOfAllStreamsAndReadersSeeTheGap() {
        String data = "y".repeat(1000);
        long oneEvent;
        {
            InMemoryEventStore probe = new InMemoryEventStore(10, new SecureRandom());
            probe.append(Audience.everyone(), "e", data, 0);
            oneEvent = probe.stats().bytes();
        }
        InMemoryEventStore store =
                new InMemoryEventStore(100, 100, oneEvent * 5, new SecureRandom());
        Audience news = Audience.topic("news");
        Audience sport = Audience.topic("sport");
        store.append(news, "e", data, 1);
        store.append(sport, "e", data, 2);
        for (int i = 0; i < 4; i++) {
            store.append(sport, "e", data, 3 + i);
        }

        assertThat(store.stats().events()).isEqualTo(5);
        assertThat(store.stats().bytes()).isLessThanOrEqualTo(oneEvent * 5);
        assertThat(store.readAfter(Set.of(news), 0).complete())
                .as("news lost its only event, the oldest")
                .isFalse();
        assertThat(store.readAfter(Set.of(sport), 0).complete()).isTrue();
        store.append(news, "e", data, 7);
        assertThat(store.readAfter(Set.of(sport), 1).complete())
                .as("then sport's oldest went")
                .isFalse();
        assertThat(store.readAfter(Set.of(sport), 2).events()).hasSize(4);
    }

    @Test
    void keepsTheNewestEventEvenWhenItAloneExceedsTheBudget() {
        InMemoryEventStore store = new InMemoryEventStore(10, 10, 1, new SecureRandom());

        store.append(Audience.everyone(), "e", "z".repeat(5000), 1);

        assertThat(store.stats().events()).isEqualTo(1);
        assertThat(store.readAfter(Set.of(Audience.everyone()), 0).events()).hasSize(1);
    }

    @Test
    void refusesANegativeCapacity() {
        assertThatThrownBy(() -> new InMemoryEventStore(-1, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
