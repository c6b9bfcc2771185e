package org.resumablesse.client;

/**
 * Runs a source's tasks after a delay: its connection attempts, idle checks and closing of ended
 * attempts. The default is a daemon thread of the source's own ({@link ExecutorScheduler}).
 */
interface Scheduler {

    /** Runs the task after the delay; does nothing once the scheduler is closed. */
    void schedule(Runnable task, long delayMillis);

    /** Stops the scheduler if it is the source's own. */
    void close();
}
