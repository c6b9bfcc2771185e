package org.resumablesse.redis;

import org.resumablesse.Audience;

/**
 * How a stream is named inside Redis keys and feed entries: one letter for its kind, a colon, then
 * its key ({@code b:}, {@code t:orders/42}, {@code u:alice}, {@code s:<session id>}). Stateless.
 */
final class StreamNames {

    private StreamNames() {}

    static String name(Audience stream) {
        char kind =
                switch (stream.kind()) {
                    case BROADCAST -> 'b';
                    case TOPIC -> 't';
                    case USER -> 'u';
                    case SESSION -> 's';
                };
        return kind + ":" + stream.key();
    }

    /**
     * @throws IllegalArgumentException for a name this class did not make
     */
    static Audience audience(String name) {
        if (name.length() < 2 || name.charAt(1) != ':') {
            throw new IllegalArgumentException("not a stream name: " + name);
        }
        String key = name.substring(2);
        return switch (name.charAt(0)) {
            case 'b' -> Audience.everyone();
            case 't' -> Audience.topic(key);
            case 'u' -> Audience.user(key);
            case 's' -> Audience.session(key);
            default -> throw new IllegalArgumentException("not a stream name: " + name);
        };
    }
}
