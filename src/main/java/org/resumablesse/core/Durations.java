package org.resumablesse.core;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;

/**
 * Reads durations as written in configuration: a whole number with a unit ({@code 250ms}, {@code
 * 30s}, {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT30S}). A bare number is refused, because its
 * unit would be a guess.
 */
public final class Durations {

    private Durations() {}

    /**
     * @throws IllegalArgumentException with a message showing the accepted forms
     */
    public static Duration parse(String text) {
        String value = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt") || value.startsWith("p")) {
            try {
                return Duration.parse(value.toUpperCase(Locale.ROOT));
            } catch (DateTimeParseException e) {
                throw invalid(text);
            }
        }
        int unitStart = 0;
        while (unitStart < value.length() && Character.isDigit(value.charAt(unitStart))) {
            unitStart++;
        }
        if (unitStart == 0 || unitStart > 12) {
            throw invalid(text);
        }
        long amount = Long.parseLong(value.substring(0, unitStart));
        return switch (value.substring(unitStart)) {
            case "ms" -> Duration.ofMillis(amount);
            case "s" -> Duration.ofSeconds(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> throw invalid(text);
        };
    }

    /** The shortest form of a duration that {@link #parse(String)} reads back. */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis % 3_600_000 == 0 && millis > 0) {
            return millis / 3_600_000 + "h";
        }
        if (millis % 60_000 == 0 && millis > 0) {
            return millis / 60_000 + "m";
        }
        if (millis % 1000 == 0) {
            return millis / 1000 + "s";
        }
        return millis + "ms";
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException(
                "'"
                        + text
                        + "' is not a duration; use a whole number with ms, s, m or h (like 30s)"
                        + " or ISO-8601 (like PT30S)");
    }
}
