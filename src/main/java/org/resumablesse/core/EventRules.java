package org.resumablesse.core;

import java.util.Set;
import org.resumablesse.Audience;
import org.resumablesse.EventRejectedException;
import org.resumablesse.EventRejectedException.Reason;
import org.resumablesse.ServerEvent;

/**
 * What a publishable event and a followable topic must look like. Checked before anything is
 * stored, so a refused event leaves no trace.
 *
 * <p>Stateless and thread-safe.
 */
public final class EventRules {

    /** Event names the protocol uses itself, or that would reach an EventSource's own handlers. */
    public static final Set<String> RESERVED_NAMES =
            Set.of(Frames.CONNECTED, "open", "error", Frames.REFUSED);

    static final int MAX_NAME_LENGTH = 64;
    static final int MAX_TOPIC_LENGTH = 128;
    static final int MAX_USER_LENGTH = 256;

    private EventRules() {}

    /**
     * Checks an event against the rules and the size limit.
     *
     * @throws EventRejectedException naming what is wrong
     */
    public static void check(ServerEvent event, long maxEventBytes) {
        checkName(event.name());
        checkAudience(event.audience());
        if (hasUnpairedSurrogate(event.data())) {
            throw new EventRejectedException(
                    Reason.INVALID_DATA,
                    "event data holds an unpaired surrogate (not valid Unicode)");
        }
        long size = EventFrameEncoder.eventSize(event.name(), event.data());
        if (size > maxEventBytes) {
            throw new EventRejectedException(
                    Reason.TOO_LARGE,
                    "event '"
                            + event.name()
                            + "' encodes to "
                            + size
                            + " bytes, more than max-event-size "
                            + maxEventBytes);
        }
    }

    /**
     * @throws EventRejectedException unless the name matches {@code [A-Za-z0-9._:-]{1,64}} and is
     *     not reserved
     */
    public static void checkName(String name) {
        if (!matches(name, MAX_NAME_LENGTH, false)) {
            throw new EventRejectedException(
                    Reason.INVALID_NAME,
                    "event name must match [A-Za-z0-9._:-]{1,64}, got " + quote(name));
        }
        if (RESERVED_NAMES.contains(name)) {
            throw new EventRejectedException(
                    Reason.INVALID_NAME, "event name '" + name + "' is reserved by the protocol");
        }
    }

    /** True when a topic matches {@code [A-Za-z0-9._:/-]{1,128}}. */
    public static boolean isValidTopic(String topic) {
        return matches(topic, MAX_TOPIC_LENGTH, true);
    }

    private static void checkAudience(Audience audience) {
        String key = audience.key();
        boolean valid =
                switch (audience.kind()) {
                    case BROADCAST -> key.isEmpty();
                    case SESSION -> SessionIds.isWellFormed(key);
                    case TOPIC -> isValidTopic(key);
                    case USER ->
                            !key.isEmpty() && key.length() <= MAX_USER_LENGTH && !hasControl(key);
                };
        if (!valid) {
            throw new EventRejectedException(
                    Reason.INVALID_AUDIENCE,
                    "invalid " + audience.kind().name().toLowerCase() + " key " + quote(key));
        }
    }

    private static boolean matches(String text, int maxLength, boolean allowSlash) {
        if (text == null || text.isEmpty() || text.length() > maxLength) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean ok =
                    (c >= 'a' && c <= 'z')
                            || (c >= 'A' && c <= 'Z')
                            || (c >= '0' && c <= '9')
                            || c == '.'
                            || c == '_'
                            || c == ':'
                            || c == '-'
                            || (allowSlash && c == '/');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    private static boolean hasControl(String text) {
        return text.chars().anyMatch(Character::isISOControl);
    }

    static boolean hasUnpairedSurrogate(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= text.length() || !Character.isLowSurrogate(text.charAt(i + 1))) {
                    return true;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    /** Quotes untrusted text for a message: shortened, control characters escaped. */
    static String quote(String text) {
        if (text == null) {
            return "null";
        }
        StringBuilder out = new StringBuilder("'");
        int limit = Math.min(text.length(), 80);
        for (int i = 0; i < limit; i++) {
            char c = text.charAt(i);
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        if (text.length() > limit) {
            out.append("...");
        }
        return out.append('\'').toString();
    }
}
