/**
 * The benchmark runner: starts the ceiling, Payara Micro and OpenLiberty as separate processes,
 * runs the scenarios against them in alternation and prints medians with ranges. Entry point:
 * {@link org.resumablesse.perf.runner.Runner}; {@code perf/run.sh} builds and calls it.
 */
package org.resumablesse.perf.runner;
