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
    void refusesANegativeCapacity() {
        assertThatThrownBy(() -> new InMemoryEventStore(-1, new SecureRandom()))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
