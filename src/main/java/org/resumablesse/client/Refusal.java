package org.resumablesse.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the data of a {@code refused} event, {@code {"reason":"max-sessions","retry":30000}}, which
 * the server writes in this one shape; anything else reads as reason {@code unknown} and no delay.
 * Stateless.
 */
final class Refusal {

    private static final Pattern REASON =
            Pattern.compile("\"reason\"\\s*:\\s*\"([a-z0-9-]{1,64})\"");
    private static final Pattern RETRY = Pattern.compile("\"retry\"\\s*:\\s*([0-9]{1,12})");

    private Refusal() {}

    static String reason(String data) {
        Matcher matcher = REASON.matcher(data);
        return matcher.find() ? matcher.group(1) : "unknown";
    }

    /** The delay asked for in milliseconds, or -1 when none is given. */
    static long retryMillis(String data) {
        Matcher matcher = RETRY.matcher(data);
        return matcher.find() ? Long.parseLong(matcher.group(1)) : -1;
    }
}
