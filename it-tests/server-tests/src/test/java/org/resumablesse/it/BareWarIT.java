package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.URISyntaxException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** A WAR with no JAX-RS application of its own still gets the stream, at {@code /sse/events}. */
@RunAsClient
class BareWarIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.bare("bare");
    }

    @Test
    void streamIsMountedAtSseEventsWithoutAnApplicationOfItsOwn() throws URISyntaxException {
        URI events = base.toURI().resolve("sse/events");
        SseClient stream = streams.open(SseClient.to(events).label("bare"));
        Connected connected = Connected.await(stream);

        assertEquals(200, stream.status());
        assertNotNull(connected.sessionId());
        assertFalse(connected.reconnection());
        String cookie = stream.setCookies().get(0);
        assertTrue(
                cookie.contains("Path=" + events.getPath()),
                () -> "cookie path should be the stream's own: " + cookie);
    }
}
