package org.resumablesse.perf.client;

/**
 * One connection's figures at a moment, copied on the client's I/O thread.
 *
 * @param id the connection's index in its client
 * @param localPort its current local port, 0 before it connected
 * @param status the HTTP status of its last response, 0 before one
 * @param open whether its socket is open now
 * @param connected whether its current response carried a {@code connected} event
 * @param nextIndex the benchmark index it expects next (all before it arrived in order)
 * @param received benchmark events received in all its responses
 * @param orderErrors benchmark events out of order, repeated or after a gap
 * @param maxGapNanos the longest silence between two benchmark events
 * @param lastEventNanos {@code System.nanoTime()} when the last benchmark event arrived, 0 before
 * @param endedByServer whether the server ended its last response (EOF, reset or last chunk)
 * @param connectedData the data of its last {@code connected} event, "" before one
 * @param failure what went wrong last, "" if nothing
 */
public record ConnectionStats(
        int id,
        int localPort,
        int status,
        boolean open,
        boolean connected,
        long nextIndex,
        long received,
        long orderErrors,
        long maxGapNanos,
        long lastEventNanos,
        boolean endedByServer,
        String connectedData,
        String failure) {

    /** Whether every index below {@code events} arrived exactly once and in order. */
    public boolean complete(long events) {
        return nextIndex == events && orderErrors == 0;
    }
}
