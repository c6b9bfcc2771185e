package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.resumablesse.it.Sse.named;

import java.util.List;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/** With {@code resumable-sse.enable-reconnection=false} the module is plain live SSE. */
@RunAsClient
class LiveOnlyIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("live-only", "deployments/live-only.properties");
    }

    @Test
    void streamsLiveEventsWithoutSessionCookie() {
        SseClient stream = streams.open(demo().stream().label("live"));
        Connected connected = Connected.await(stream);

        assertEquals(200, stream.status());
        assertEquals(
                Optional.empty(),
                stream.cookie(SseClient.SESSION_COOKIE),
                () -> "" + stream.setCookies());
        assertFalse(connected.recovered());
        assertEquals(0, connected.replayed());
        String name = Names.unique("live");
        String id = demo().broadcast(name, "now");
        SseEvent event = stream.awaitEvent(named(name), Timeouts.DEFAULT);
        assertEquals(id, event.id());
        assertEquals("now", event.data());
    }

    @Test
    void lastEventIdIsIgnoredAndNothingIsReplayed() {
        SseClient first = streams.open(demo().stream().label("first"));
        Connected.await(first);
        String name = Names.unique("not-kept");
        demo().broadcast(name, "seen");
        first.awaitEvent(named(name), Timeouts.DEFAULT);
        String cursor = first.drop();
        for (int i = 0; i < 3; i++) {
            demo().broadcast(name, "missed " + i);
        }

        SseClient back = streams.open(demo().stream().lastEventId(cursor).label("back"));
        Connected connected = Connected.await(back);
        assertFalse(connected.recovered());
        assertEquals(0, connected.replayed());
        String live = demo().broadcast(name, "live");
        assertEquals(live, back.awaitEvent(named(name), Timeouts.DEFAULT).id());
        assertEquals(List.of(live), Sse.ids(back.events(named(name))));
    }
}
