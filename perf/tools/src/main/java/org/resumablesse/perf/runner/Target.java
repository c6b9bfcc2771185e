package org.resumablesse.perf.runner;

import java.net.InetSocketAddress;

/**
 * What is measured: a server process, the stream path its clients open and the {@code target} its
 * publisher is started with ({@code ceiling}, {@code plain} or {@code module}).
 */
record Target(String name, ServerProcess server, String streamPath) {

    static Target ceiling(ServerProcess ceiling) {
        return new Target("ceiling", ceiling, "/events");
    }

    /** The WAR's plain JAX-RS broadcaster. */
    static Target plain(ServerProcess app) {
        return new Target("plain", app, app.contextPath() + "/api/plain/events");
    }

    /** The library, at the mount every WAR gets. */
    static Target module(ServerProcess app) {
        return new Target("module", app, app.contextPath() + "/sse/events");
    }

    InetSocketAddress address() {
        return new InetSocketAddress("127.0.0.1", server.port());
    }

    Control control() {
        return server.control();
    }

    long pid() {
        return server.pid();
    }
}
