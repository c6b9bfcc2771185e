package org.resumablesse.perf.runner;

import java.util.ArrayList;
import java.util.List;

/**
 * Every server process the runner started, stopped by its own handle when the runner's JVM exits
 * (also on Ctrl-C), so that none is left behind. Thread-safe.
 */
final class Processes {

    private static final List<AutoCloseable> STARTED = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(Processes::stopAll, "stop-servers"));
    }

    private Processes() {}

    /** Registers a process to stop at exit: a server or the scenario's redis-server. */
    static synchronized void started(AutoCloseable process) {
        STARTED.add(process);
    }

    private static synchronized void stopAll() {
        for (AutoCloseable process : STARTED) {
            try {
                process.close();
            } catch (Exception e) {
                // the others are still stopped
            }
        }
    }
}
