/**
 * The benchmark WAR: a plain JAX-RS {@code SseBroadcaster} stream beside the library's, and a
 * control endpoint that runs a publisher thread inside the server. Not for applications; it has no
 * authentication and exists only to be measured.
 */
package org.resumablesse.perf.app;
