/**
 * JMH benchmarks of the engine's hot methods, called directly: encoding a frame, appending to the
 * in-memory store and reading a replay from it. Thin on purpose: they follow the core's signatures,
 * which are not a stable API.
 */
package org.resumablesse.perf.jmh;
