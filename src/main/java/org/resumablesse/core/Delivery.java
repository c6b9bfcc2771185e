package org.resumablesse.core;

import org.resumablesse.spi.EventStore;

/**
 * What every connection of one engine writes with: the store it reads its events from, the
 * monotonic clock of its write watchdog, where it reports deliveries, and the shared bounds.
 * Immutable.
 *
 * @param maxPendingBytes the most bytes one write takes (at least one frame)
 * @param replayMarkers whether replayed JSON objects are marked
 */
record Delivery(
        EventStore store,
        Ticker ticker,
        EngineMetrics metrics,
        int maxPendingBytes,
        boolean replayMarkers) {}
