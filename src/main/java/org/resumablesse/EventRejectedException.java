package org.resumablesse;

/**
 * Thrown when an event is refused at publish time; nothing was stored and nobody received it (with
 * one exception: {@link Reason#STORE_UNAVAILABLE} after a timeout, see there). The message says
 * what was wrong in words fit to show a developer; it never contains the event's data.
 */
public class EventRejectedException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** Why an event was refused. */
    public enum Reason {
        /** The event name is outside the allowed set or reserved by the protocol. */
        INVALID_NAME,
        /**
         * The session id, user name or topic is empty, too long or has characters outside the
         * allowed set.
         */
        INVALID_AUDIENCE,
        /** The encoded event is larger than {@code max-event-size}. */
        TOO_LARGE,
        /** The data is not well-formed Unicode (it holds an unpaired surrogate). */
        INVALID_DATA,
        /** The module is not running (not started yet, or stopped at undeploy). */
        NOT_RUNNING,
        /**
         * The shared store (Redis) could not be reached or did not answer in time. When it could
         * not be reached, nothing was stored. When it did not answer in time, the outcome is
         * unknown: Redis may have received the event and store it late, and then clients receive it
         * in its place in the order; a publisher that publishes it again may so publish it twice.
         * Publishing again later may succeed.
         */
        STORE_UNAVAILABLE
    }

    private final Reason reason;

    public EventRejectedException(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    /** Why the event was refused; never null. */
    public Reason reason() {
        return reason;
    }
}
