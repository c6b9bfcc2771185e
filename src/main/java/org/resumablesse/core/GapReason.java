package org.resumablesse.core;

/** Why a reconnecting client could not be given exactly what it missed. */
public enum GapReason {
    /** History was trimmed past the client's cursor. */
    OVERFLOW("overflow"),
    /** The cursor comes from another store generation, such as before a restart. */
    UNKNOWN_EPOCH("unknown-epoch"),
    /** The cursor is malformed or points past the newest event. */
    INVALID("invalid");

    private final String wireName;

    GapReason(String wireName) {
        this.wireName = wireName;
    }

    /** The name used on the wire and in metrics. */
    public String wireName() {
        return wireName;
    }
}
