package org.resumablesse.perf.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/**
 * The WAR's JAX-RS application under {@code /api}. It lists no classes, so the runtime takes every
 * resource it finds: the plain stream, the control endpoint and the library's stream at {@code
 * /api/events} (the library also serves it at {@code /sse/events}).
 */
@ApplicationPath("/api")
public class PerfApplication extends Application {}
