package org.resumablesse.demo;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The demo's JAX-RS application under {@code /api}. It lists no classes, so the server picks up
 * every resource in the WAR: the demo's own and the module's stream at {@code /api/events}.
 */
@ApplicationPath("/api")
public class DemoApplication extends Application {}
