package org.resumablesse.perf.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The benchmark with tiny numbers on Payara Micro (ceiling, plain broadcaster, module; saturating,
 * fixed rate, reconnect storm): every client must get every event exactly once, in order.
 */
class PerfSmokeIT {

    @Test
    void everyClientGetsEveryEventInOrderOnEveryTarget() {
        Results results = Runner.runForTest("--smoke");

        assertEquals(List.of(), results.failures());
    }
}
