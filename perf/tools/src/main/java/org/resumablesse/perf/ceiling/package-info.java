/**
 * The ceiling: a single-threaded NIO SSE server (JDK only) that encodes each event once and does
 * one {@code write} per event per socket. It answers the same control protocol as the benchmark
 * WAR, so the runner measures it the same way. Not thread-safe; everything runs on its one thread.
 */
package org.resumablesse.perf.ceiling;
