package org.resumablesse.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The delay before the next attempt: retry after a connection, full jitter after failures. */
class BackoffTest {

    private final List<Long> ceilings = new ArrayList<>();

    /** A "random" source that answers its ceiling, so the test sees the jitter's upper bound. */
    private final Backoff atCeiling =
            new Backoff(
                    Duration.ofMillis(500),
                    Duration.ofSeconds(10),
                    n -> {
                        ceilings.add(n);
                        return n;
                    });

    @Test
    void waitsTheServersRetryDelayAfterAStreamThatWasConnected() {
        assertThat(atCeiling.delayMillis(0, 4217, -1)).isEqualTo(4217);
        assertThat(ceilings).as("no jitter on top of the server's own").isEmpty();
    }

    @Test
    void waitsTheInitialDelayWhenTheServerNeverSentRetry() {
        assertThat(atCeiling.delayMillis(0, -1, -1)).isEqualTo(500);
    }

    @Test
    void doublesTheJitterCeilingWithEachFailureUpToTheCap() {
        for (int failures = 1; failures <= 6; failures++) {
            atCeiling.delayMillis(failures, 1000, -1);
        }

        assertThat(ceilings).containsExactly(2000L, 4000L, 8000L, 10000L, 10000L, 10000L);
    }

    @Test
    void fullJitterSpreadsDelaysOverTheWholeRangeBelowTheCeiling() {
        Random random = new Random(42);
        Backoff backoff =
                new Backoff(
                        Duration.ofMillis(500),
                        Duration.ofSeconds(10),
                        n -> (long) (random.nextDouble() * (n + 1)));
        long min = Long.MAX_VALUE;
        long max = 0;
        for (int i = 0; i < 1000; i++) {
            long delay = backoff.delayMillis(3, 1000, -1);
            min = Math.min(min, delay);
            max = Math.max(max, delay);
        }

        assertThat(min).isBetween(0L, 200L);
        assertThat(max).isBetween(7800L, 8000L);
    }

    @Test
    void aRetryAfterIsALowerBound() {
        assertThat(atCeiling.delayMillis(1, 1000, 30_000)).isEqualTo(30_000);
        assertThat(atCeiling.delayMillis(0, 4000, 1_000)).isEqualTo(4000);
    }

    @Test
    void survivesManyFailuresWithoutOverflow() {
        assertThat(atCeiling.delayMillis(10_000, 0, -1)).isEqualTo(10_000);
    }
}
