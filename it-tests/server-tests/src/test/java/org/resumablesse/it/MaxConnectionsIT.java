package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code max-connections} (2 here) on the Servlet stream and the WebSocket stream: one more is
 * refused in-band, or closed with 4503 and the refusal's JSON; once one closes, a client is let in
 * again. Runs on both servers.
 */
@RunAsClient
class MaxConnectionsIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("max-connections", "deployments/max-connections.properties");
    }

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }

    @Test
    void aConnectionPastMaxConnectionsIsRefusedInBandUntilOneCloses() {
        SseClient one = Refusals.admitted(streams, () -> demo().stream().label("one"));
        Refusals.admitted(streams, () -> demo().stream().label("two"));

        SseClient third = streams.open(demo().stream().label("third"));
        Refusals.assertRefused(third, "max-connections");

        one.close();
        SseClient later = Refusals.admitted(streams, () -> demo().stream().label("later"));
        assertTrue(Connected.await(later).id() != null);
    }

    @Test
    void aWebSocketPastMaxConnectionsIsClosedWith4503AndTheRefusal() throws Exception {
        Refusals.admitted(streams, () -> demo().stream().label("one"));
        Refusals.admitted(streams, () -> demo().stream().label("two"));

        try (WsClient ws = WsClient.open(base.toURI(), "", Map.of())) {
            assertEquals(4503, ws.awaitCloseCode());
            assertTrue(
                    ws.closeReason().contains("\"reason\":\"max-connections\""), ws::closeReason);
        }
    }
}
