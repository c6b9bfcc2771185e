package org.resumablesse.core;

import java.util.Objects;
import java.util.Optional;

/**
 * A client's position in the store: the store epoch it was read from and the global sequence of the
 * last event it received. On the wire it is the event id {@code <epoch>-<sequence>}, the sequence
 * zero-padded to 19 digits, so ids of one epoch sort by sequence as plain strings. Every id is 36
 * ASCII characters: no CR, LF or NUL, and no byte that would need a CORS preflight.
 *
 * <p>Immutable. {@link #parse(String)} never throws, whatever it is given.
 *
 * @param epoch 16 lowercase hex digits naming one generation of a store's history
 * @param sequence the global sequence, zero or more
 */
public record Cursor(String epoch, long sequence) {

    /** Characters in an epoch. */
    public static final int EPOCH_LENGTH = 16;

    /** Characters in every formatted cursor. */
    public static final int LENGTH = EPOCH_LENGTH + 1 + 19;

    /**
     * @throws IllegalArgumentException if the epoch is not 16 lowercase hex digits or the sequence
     *     is negative
     */
    public Cursor {
        Objects.requireNonNull(epoch, "epoch");
        if (!isEpoch(epoch, 0, epoch.length())) {
            throw new IllegalArgumentException(
                    "epoch must be " + EPOCH_LENGTH + " lowercase hex digits");
        }
        if (sequence < 0) {
            throw new IllegalArgumentException("sequence < 0: " + sequence);
        }
    }

    /**
     * Reads a cursor from untrusted text, such as a {@code Last-Event-ID} header.
     *
     * @param text anything, including null, huge or binary text
     * @return the cursor, or empty if the text is not exactly a well-formed cursor
     */
    public static Optional<Cursor> parse(String text) {
        if (text == null || text.length() != LENGTH || text.charAt(EPOCH_LENGTH) != '-') {
            return Optional.empty();
        }
        if (!isEpoch(text, 0, EPOCH_LENGTH)) {
            return Optional.empty();
        }
        long sequence = 0;
        for (int i = EPOCH_LENGTH + 1; i < LENGTH; i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                return Optional.empty();
            }
            int digit = c - '0';
            if (sequence > (Long.MAX_VALUE - digit) / 10) {
                return Optional.empty();
            }
            sequence = sequence * 10 + digit;
        }
        return Optional.of(new Cursor(text.substring(0, EPOCH_LENGTH), sequence));
    }

    /** The wire form, {@link #LENGTH} characters long. */
    public String format() {
        return format(epoch, sequence);
    }

    /** The wire form of a position, without building a cursor. */
    public static String format(String epoch, long sequence) {
        String digits = Long.toString(sequence);
        StringBuilder id = new StringBuilder(LENGTH).append(epoch).append('-');
        for (int i = digits.length(); i < 19; i++) {
            id.append('0');
        }
        return id.append(digits).toString();
    }

    private static boolean isEpoch(String text, int from, int to) {
        if (to - from != EPOCH_LENGTH) {
            return false;
        }
        for (int i = from; i < to; i++) {
            char c = text.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return format();
    }
}
