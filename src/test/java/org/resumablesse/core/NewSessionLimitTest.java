package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class NewSessionLimitTest {

    private static final long MINUTE = TimeUnit.MINUTES.toNanos(1);

    private final MutableClock ticker = new MutableClock(0);

    @Test
    void refusesAnAddressPastItsLimitUntilTheIntervalEndsAndTellsHowLong() {
        NewSessionLimit limit = new NewSessionLimit(2, MINUTE, 100, ticker);

        assertThat(limit.tryCount("192.0.2.1")).isZero();
        assertThat(limit.tryCount("192.0.2.1")).isZero();
        ticker.advance(Duration.ofSeconds(20));
        assertThat(limit.tryCount("192.0.2.1")).isEqualTo(40_000);
        assertThat(limit.tryCount("192.0.2.2")).as("another address").isZero();

        ticker.advance(Duration.ofSeconds(40));
        assertThat(limit.tryCount("192.0.2.1")).as("a new interval").isZero();
    }

    @Test
    void aFloodOfDistinctAddressesCountsNoMoreThanTheBoundAndIsRefusedUntilTheIntervalEnds() {
        NewSessionLimit limit = new NewSessionLimit(5, MINUTE, 1000, ticker);

        int refused = 0;
        for (int i = 0; i < 50_000; i++) {
            String address = "10." + (i >> 16) + "." + ((i >> 8) & 255) + "." + (i & 255);
            if (limit.tryCount(address) > 0) {
                refused++;
            }
        }

        assertThat(limit.addresses()).isEqualTo(1000);
        assertThat(refused).isEqualTo(49_000);
        ticker.advance(Duration.ofMinutes(1));
        assertThat(limit.tryCount("2001:db8::ffff:1")).isZero();
        assertThat(limit.tryCount("2001:db8:0:1::1")).as("another /64").isZero();
        assertThat(limit.addresses()).as("counters dropped with the interval").isEqualTo(2);
    }

    @Test
    void countsAnIpv6AddressByItsSlash64SoCyclingThroughThePrefixBuysNothing() {
        NewSessionLimit limit = new NewSessionLimit(2, MINUTE, 100, ticker);

        assertThat(limit.tryCount("2001:db8:1:2::1")).isZero();
        assertThat(limit.tryCount("2001:db8:1:2:ffff::9")).isZero();
        assertThat(limit.tryCount("2001:0db8:0001:0002:0:0:0:abcd")).isPositive();
        assertThat(limit.tryCount("2001:db8:1:3::1")).as("another /64").isZero();
        assertThat(limit.tryCount("192.0.2.1")).isZero();
        assertThat(NewSessionLimit.key("not:an:address:at:all")).isEqualTo("not:an:address:at:all");
    }

    @Test
    void anUnknownAddressAndALimitOfZeroAreNeverRefused() {
        NewSessionLimit limit = new NewSessionLimit(1, MINUTE, 1, ticker);
        NewSessionLimit off = new NewSessionLimit(0, MINUTE, 1, ticker);

        for (int i = 0; i < 10; i++) {
            assertThat(limit.tryCount(null)).isZero();
            assertThat(off.tryCount("192.0.2.1")).isZero();
        }
        assertThat(off.addresses()).isZero();
    }
}
