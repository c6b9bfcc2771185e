package org.resumablesse.it;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What one client received against what was published, each event named by a key (its id, or its
 * data where the publisher never learned the id). Immutable.
 *
 * @param published events whose publishing was confirmed
 * @param received events the client received, counting repeats
 * @param lost confirmed events the client never received
 * @param duplicated events received more than once (each repeat counts)
 * @param reordered confirmed events received after one that was published later
 * @param unconfirmed events received whose publisher was told of a failure that may still have
 *     stored them (a timeout)
 * @param foreign events received that nobody tried to publish
 */
record DeliveryFigures(
        int published,
        int received,
        int lost,
        int duplicated,
        int reordered,
        int unconfirmed,
        int foreign) {

    /** Every publish was confirmed: {@code published} in the order they were made. */
    static DeliveryFigures of(List<String> published, List<String> received) {
        return of(published, Set.copyOf(published), received);
    }

    /**
     * @param attempted every event a publisher tried, in the order it tried them
     * @param confirmed those whose publishing was confirmed
     * @param received what the client received, in order
     */
    static DeliveryFigures of(
            List<String> attempted, Set<String> confirmed, List<String> received) {
        Map<String, Integer> order = new HashMap<>();
        for (int i = 0; i < attempted.size(); i++) {
            order.put(attempted.get(i), i);
        }
        Set<String> seen = new HashSet<>();
        int duplicated = 0;
        int reordered = 0;
        int unconfirmed = 0;
        int foreign = 0;
        int lastConfirmed = -1;
        for (String key : received) {
            if (!seen.add(key)) {
                duplicated++;
            } else if (!order.containsKey(key)) {
                foreign++;
            } else if (!confirmed.contains(key)) {
                unconfirmed++;
            } else if (order.get(key) < lastConfirmed) {
                reordered++;
            } else {
                lastConfirmed = order.get(key);
            }
        }
        int lost = (int) confirmed.stream().filter(key -> !seen.contains(key)).count();
        return new DeliveryFigures(
                confirmed.size(),
                received.size(),
                lost,
                duplicated,
                reordered,
                unconfirmed,
                foreign);
    }

    /** True when every confirmed event arrived once, in order, and nothing foreign came. */
    boolean exact() {
        return lost == 0 && duplicated == 0 && reordered == 0 && foreign == 0;
    }

    /** The fault suite's figure line for scenario (c). */
    String figure(String scenario) {
        return "FAULT-FIGURE (c) "
                + scenario
                + " published="
                + published
                + " received="
                + received
                + " lost="
                + lost
                + " duplicated="
                + duplicated
                + " reordered="
                + reordered
                + " unconfirmed-delivered="
                + unconfirmed
                + " foreign="
                + foreign;
    }
}
