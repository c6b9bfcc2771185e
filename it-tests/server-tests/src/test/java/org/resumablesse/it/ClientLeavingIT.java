package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The Servlet front notices a client that closed its stream at once, not at the next heartbeat (60
 * s in this deployment): the {@code resumablesse_connections_open} gauge drops within a second.
 */
@RunAsClient
@DisabledIfSystemProperty(
        named = "arquillian.launch",
        matches = "liberty",
        disabledReason =
                "OpenLiberty does not read a connection while its async response is open, so it"
                        + " sees a client leave only when a write fails"
                        + " (docs/internals/servlet-transport-notes.md)")
class ClientLeavingIT extends ServerIT {

    private static final String OPEN = "resumablesse_connections_open";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("leaving", "deployments/leaving.properties");
    }

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }

    @Test
    void closedStreamIsNoticedWithinASecond() {
        SseClient stream = streams.open(demo().stream().label("leaving"));
        Connected.await(stream);
        double before = PrometheusText.sum(demo().applicationMetrics(), OPEN);
        assertTrue(before >= 1, () -> OPEN + " " + before);

        stream.close();

        await("the server notices the closed stream")
                .atMost(Timeouts.scaled(Duration.ofSeconds(1)))
                .pollInterval(Duration.ofMillis(50))
                .until(() -> PrometheusText.sum(demo().applicationMetrics(), OPEN) <= before - 1);
    }
}
