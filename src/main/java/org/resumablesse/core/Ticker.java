package org.resumablesse.core;

/**
 * A monotonic time source in nanoseconds: only differences between two readings mean anything, and
 * a step of the wall clock (NTP, a VM resumed, an operator) never moves it. Every elapsed-time
 * decision of the engine (session expiry, the write watchdog, rate-limit windows) reads it; the
 * wall clock ({@link java.time.Clock}) is kept for times shown to people, such as {@code
 * _originalTime}.
 *
 * <p>Implementations are thread-safe and never go backwards.
 */
@FunctionalInterface
public interface Ticker {

    /** The current reading, in nanoseconds from an arbitrary origin (possibly negative). */
    long nanos();

    /** The JVM's monotonic clock, {@link System#nanoTime()}. */
    static Ticker system() {
        return System::nanoTime;
    }
}
