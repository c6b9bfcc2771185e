package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fault scenario (a) of docs/reliability.md on each server: 20 clients, half on the JAX-RS stream
 * and half on the Servlet front, each cut 200 times at random over a minute of continuous
 * publishing (half FIN, half TCP reset) and reconnecting at once: no gap, no duplicate, no reorder.
 * {@code -Dresumablesse.fault.storm-seconds} and {@code -Dresumablesse.fault.storm-disconnects}
 * shorten it for a quick local run.
 */
@Tag("fault")
@RunAsClient
class DisconnectStormIT extends ServerIT {

    private static final int CLIENTS = 20;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("storm", "deployments/storm.properties");
    }

    @Test
    void clientsCutTwoHundredTimesEachLoseDoubleAndReorderNothing() throws Exception {
        long seed = Seeds.seed();
        Duration span = Duration.ofSeconds(Long.getLong("resumablesse.fault.storm-seconds", 60));
        int disconnects = Integer.getInteger("resumablesse.fault.storm-disconnects", 200);
        DisconnectStorm.Figures figures;
        try (DisconnectStorm storm =
                new DisconnectStorm(
                        demo(),
                        List.of(
                                demo().base().resolve(DemoClient.JAXRS_EVENTS),
                                demo().base().resolve(DemoClient.SERVLET_EVENTS)),
                        CLIENTS,
                        disconnects,
                        span,
                        seed)) {
            figures = storm.run();
            System.out.println(
                    "FAULT-FIGURE (a) server="
                            + System.getProperty("arquillian.launch")
                            + " clients="
                            + CLIENTS
                            + " "
                            + figures
                            + " seed="
                            + seed);
            String context = storm.context() + ": " + figures;
            assertEquals(List.of(), figures.problems, context);
            assertEquals(CLIENTS * disconnects, figures.disconnects, context);
            assertEquals(0, figures.gaps, context);
            assertEquals(0, figures.duplicates, context);
            assertEquals(0, figures.reorders, context);
            assertEquals(0, figures.foreign, context);
            assertEquals(figures.expected, figures.delivered, context);
        }
    }
}
