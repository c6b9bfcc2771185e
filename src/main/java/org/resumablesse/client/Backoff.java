package org.resumablesse.client;

import java.time.Duration;
import java.util.function.LongUnaryOperator;

/**
 * How long to wait before the next connection attempt. After a stream that was connected, the
 * server's {@code retry:} delay, as a browser does (the server already adds jitter to it). After
 * failed attempts, full jitter: a uniform random delay between 0 and {@code min(max, base ×
 * 2^failures)}, where {@code base} is the server's delay or the configured initial one. A {@code
 * Retry-After} from a refusal is a lower bound.
 *
 * <p>Immutable and thread-safe if its random source is.
 */
final class Backoff {

    private final long initialMillis;
    private final long maxMillis;
    private final LongUnaryOperator random;

    /**
     * @param random given n &gt; 0, a uniform value in [0, n]
     */
    Backoff(Duration initial, Duration max, LongUnaryOperator random) {
        this.initialMillis = initial.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    /**
     * @param failures attempts that failed in a row since the last {@code connected} event
     * @param retryMillis the server's last {@code retry:} value, or a negative number for none
     * @param retryAfterMillis the last refusal's {@code Retry-After}, or a negative number for none
     */
    long delayMillis(int failures, long retryMillis, long retryAfterMillis) {
        long base = retryMillis >= 0 ? retryMillis : initialMillis;
        long delay;
        if (failures == 0) {
            delay = Math.min(base, maxMillis);
        } else {
            long ceiling = base;
            for (int i = 0; i < failures && ceiling < maxMillis; i++) {
                ceiling = Math.max(1, ceiling) * 2;
            }
            delay = random.applyAsLong(Math.min(ceiling, maxMillis));
        }
        return Math.max(delay, retryAfterMillis);
    }
}
