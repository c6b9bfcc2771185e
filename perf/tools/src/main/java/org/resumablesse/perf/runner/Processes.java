package org.resumablesse.perf.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Every server process the runner started, stopped by its own handle when the runner's JVM exits
 * (also on Ctrl-C), so that none is left behind. Thread-safe.
 */
final class Processes {

    private static final List<ServerProcess> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Processes::stopAll, "stop-servers"));
    }

    private Processes() {}

    static synchronized void started(ServerProcess server) {
        STARTED.add(server);
    }

    private static synchronized void stopAll() {
        STARTED.forEach(ServerProcess::stop);
    }
}
