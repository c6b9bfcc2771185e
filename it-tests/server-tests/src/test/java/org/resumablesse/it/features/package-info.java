/**
 * Step definitions of the Gherkin features under {@code src/test/resources/features}: the
 * reconnection guarantees in plain words, run against the demo WAR on each server by {@code
 * ReconnectionFeaturesIT}. Test code only.
 */
package org.resumablesse.it.features;
