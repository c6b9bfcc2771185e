package org.resumablesse.it.features;

import org.resumablesse.it.DemoClient;

/**
 * The deployment the features run against, set by the IT that deployed it before it launches the
 * Cucumber engine. Thread-safe (volatile); one deployment at a time per test JVM.
 */
public final class FeatureTarget {

    private static volatile DemoClient demo;

    private FeatureTarget() {}

    public static void set(DemoClient deployed) {
        demo = deployed;
    }

    /** The demo deployment; fails when no IT has set one (the features run only from an IT). */
    static DemoClient demo() {
        DemoClient current = demo;
        if (current == null) {
            throw new IllegalStateException(
                    "no deployment: run the features through ReconnectionFeaturesIT");
        }
        return current;
    }
}
