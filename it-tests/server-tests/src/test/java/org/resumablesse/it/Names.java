package org.resumablesse.it;

import java.util.UUID;

/** Unique event names and topics, so that no test sees another test's events. */
public final class Names {

    private Names() {}

    /** A prefix plus 12 random hex digits; valid as an event name and as a topic. */
    public static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }
}
