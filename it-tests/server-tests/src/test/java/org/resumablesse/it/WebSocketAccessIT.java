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
        String topic = TestTopicAuthorizer.privateTopic("bob");
        String cursor = cursorBefore();
        String id = demo().toTopic(topic, Names.unique("bobs"), "for bob only");

        try (WsClient ws = WsClient.open(base.toURI(), query(cursor, topic), Map.of())) {
            assertEquals(4403, ws.awaitCloseCode());
            assertTrue(
                    ws.messages().stream().noneMatch(m -> m.contains(id)),
                    () -> "the denied topic's history was sent: " + ws.messages());
        }
    }

    @Test
    void anAllowedTopicReplaysAndStreamsLiveOverWebSocket() throws Exception {
        String topic = Names.unique("open");
        String cursor = cursorBefore();
        String name = Names.unique("ws-open");
        String missed = demo().toTopic(topic, name, "missed");

        try (WsClient ws = WsClient.open(base.toURI(), query(cursor, topic), Map.of())) {
            Connected connected = Connected.of(ws.awaitConnected());
            String live = demo().toTopic(topic, name, "live");

            assertTrue(connected.recovered(), connected::toString);
            List<SseEvent> got = ws.awaitEvents(named(name), 2, Timeouts.DEFAULT);
            assertEquals(List.of(missed, live), Sse.ids(got));
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

    private String cursorBefore() {
        SseClient first = streams.open(demo().stream().label("cursor"));
        String cursor = Connected.await(first).id();
        first.close();
        return cursor;
    }

    private static String query(String cursor, String topic) {
        return "lastEventId=" + cursor + "&topic=" + topic;
    }
}
