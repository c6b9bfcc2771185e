package org.resumablesse.core;

/**
 * A snapshot of what the engine holds, for gauges.
 *
 * @param openConnections connections open now
 * @param sessionsConnected sessions with at least one open connection
 * @param sessionsDisconnected sessions waiting for a client to come back
 * @param eventsRetained events kept in history
 * @param bytesRetained what history takes in memory, as the store estimates it
 */
public record EngineStats(
        int openConnections,
        int sessionsConnected,
        int sessionsDisconnected,
        long eventsRetained,
        long bytesRetained) {}
