package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Who may follow what, and the {@code Origin} check, on the WebSocket stream ({@code
 * sse/events/ws}): a refusal is the close code {@code 4403}, before anything is sent. The same
 * deployment as {@link AccessIT}.
 */
@RunAsClient
class WebSocketAccessIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return AccessIT.deployment();
    }

    @Test
    void aTopicTheAuthorizerDeniesIsClosedWith4403AndNothingOfItIsSent() throws Exception {
        AccessIT.Missed missed =
                AccessIT.Missed.on(TestTopicAuthorizer.privateTopic("bob"), streams, demo());

        try (WsClient ws = WsClient.open(base.toURI(), query(missed), Map.of())) {
            assertEquals(4403, ws.awaitCloseCode());
            assertTrue(
                    ws.messages().stream().noneMatch(m -> m.contains(missed.id())),
                    () -> "the denied topic's history was sent: " + ws.messages());
        }
    }

    @Test
    void anAllowedTopicReplaysAndStreamsLiveOverWebSocket() throws Exception {
        AccessIT.Missed missed = AccessIT.Missed.on(Names.unique("open"), streams, demo());

        try (WsClient ws = WsClient.open(base.toURI(), query(missed), Map.of())) {
            Connected connected = Connected.of(ws.awaitConnected());
            String live = demo().toTopic(missed.topic(), missed.name(), "live");

            assertTrue(connected.recovered(), connected::toString);
            List<SseEvent> got = ws.awaitEvents(named(missed.name()), 2, Timeouts.DEFAULT);
            assertEquals(List.of(missed.id(), live), Sse.ids(got));
        }
    }

    @Test
    void anOriginNotAllowedIsClosedWith4403AndTheAllowedOneStreams() throws Exception {
        try (WsClient other =
                        WsClient.open(base.toURI(), "", Map.of("Origin", AccessIT.OTHER_ORIGIN));
                WsClient allowed =
                        WsClient.open(
                                base.toURI(), "", Map.of("Origin", AccessIT.ALLOWED_ORIGIN))) {
            assertEquals(4403, other.awaitCloseCode());
            Connected.of(allowed.awaitConnected());
        }
    }

    private static String query(AccessIT.Missed missed) {
        return "lastEventId=" + missed.cursor() + "&topic=" + missed.topic();
    }
}
