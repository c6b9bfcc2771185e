package org.resumablesse.core;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A clock that stands still until a test moves it; as a {@link Ticker} it reads the same time, so a
 * test that moves it moves the engine's wall and monotonic time together. Thread-safe.
 */
final class MutableClock extends Clock implements Ticker {

    private final AtomicLong millis;
    private final ZoneId zone;

    MutableClock(long startMillis) {
        this(new AtomicLong(startMillis), ZoneOffset.UTC);
    }

    private MutableClock(AtomicLong millis, ZoneId zone) {
        this.millis = millis;
        this.zone = zone;
    }

    void advance(Duration step) {
        millis.addAndGet(step.toMillis());
    }

    void set(long epochMillis) {
        millis.set(epochMillis);
    }

    @Override
    public long millis() {
        return millis.get();
    }

    @Override
    public long nanos() {
        return TimeUnit.MILLISECONDS.toNanos(millis.get());
    }

    @Override
    public Instant instant() {
        return Instant.ofEpochMilli(millis());
    }

    @Override
    public ZoneId getZone() {
        return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
        return new MutableClock(millis, other);
    }
}
