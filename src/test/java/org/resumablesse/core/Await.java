package org.resumablesse.core;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;

/**
 * Waits for a condition with a deadline instead of sleeping. Every timeout is multiplied by the
 * system property {@code resumablesse.test.timeout-factor} so slow machines can stretch them.
 */
public final class Await {

    static final Duration DEFAULT = Duration.ofSeconds(10);

    private Await() {}

    public static Duration scaled(Duration base) {
        String factor = System.getProperty("resumablesse.test.timeout-factor", "1");
        double value;
        try {
            value = Double.parseDouble(factor.trim());
        } catch (NumberFormatException e) {
            value = 1;
        }
        return Duration.ofNanos((long) (base.toNanos() * Math.max(1, value)));
    }

    /** Polls the condition until it holds; fails the test when the scaled default passes. */
    public static void until(String what, BooleanSupplier condition) {
        until(what, DEFAULT, condition);
    }

    static void until(String what, Duration timeout, BooleanSupplier condition) {
        long deadline = System.nanoTime() + scaled(timeout).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() - deadline > 0) {
                throw new AssertionError(
                        "timed out after " + scaled(timeout) + " waiting: " + what);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** Waits for a latch; fails the test when the scaled default passes. */
    static void await(String what, CountDownLatch latch) {
        try {
            if (!latch.await(scaled(DEFAULT).toNanos(), TimeUnit.NANOSECONDS)) {
                throw new AssertionError("timed out waiting: " + what);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted waiting: " + what, e);
        }
    }
}
