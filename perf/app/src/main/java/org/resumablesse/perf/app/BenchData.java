package org.resumablesse.perf.app;

/**
 * The data of a benchmark event: {@code <System.nanoTime()> <index> xxx...}, padded with {@code x}
 * to the requested length. The load client reads the time (all JVMs on one Linux host share
 * CLOCK_MONOTONIC) and the index from it.
 */
final class BenchData {

    private BenchData() {}

    static String of(long nanoTime, long index, int size) {
        StringBuilder data = new StringBuilder(Math.max(size, 32));
        data.append(nanoTime).append(' ').append(index).append(' ');
        while (data.length() < size) {
            data.append('x');
        }
        return data.toString();
    }
}
