/**
 * Test support shared with other modules through the library's test-jar: the WHATWG event-stream
 * parser the tests use as their oracle, and {@link org.resumablesse.testkit.Theories}, which runs
 * the property tests on QuickTheories. Not part of the library; no stability promise.
 */
package org.resumablesse.testkit;
