package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The WebSocket stream ({@code sse/events/ws}) from a raw client: the same admission (session
 * cookie, cursor in {@code lastEventId}, topics) and the same frames as the event stream, one text
 * message per batch of whole frames. Runs on both servers.
 */
@RunAsClient
class WebSocketIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("websocket", "deployments/stream.properties");
    }

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }

    @Test
    void aStoredCursorGetsTheMissedEventsExactlyThenLiveOnes() throws Exception {
        String name = Names.unique("ws-missed");
        String topic = Names.unique("ws-topic");
        SseClient first = streams.open(demo().stream().label("sse-first"));
        String cursor = Connected.await(first).id();
        String token = first.sessionToken();
        first.close();
        List<String> missed = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            missed.add(demo().broadcast(name, "missed " + i));
        }
        missed.add(demo().toTopic(topic, name, "missed on the topic"));
        demo().toTopic(Names.unique("other-topic"), name, "not followed");

        try (WsClient ws = resume(cursor, token, topic)) {
            Connected connected = Connected.of(ws.awaitConnected());
            assertTrue(connected.recovered(), connected::toString);
            assertEquals(4, connected.replayed(), connected::toString);
            assertEquals(cursor, connected.id());
            String live = demo().broadcast(name, "live");
            List<SseEvent> got = ws.awaitEvents(named(name), 5, Timeouts.DEFAULT);
            List<String> expected = new ArrayList<>(missed);
            expected.add(live);
            assertEquals(expected, Sse.ids(got), "every event once, in order");
            assertEquals("missed 0", got.get(0).data());
        }
    }

    @Test
    void eachMessageHoldsWholeFramesAsTheEventStreamWritesThem() throws Exception {
        String name = Names.unique("ws-frame");
        try (WsClient ws = WsClient.open(base.toURI(), "", Map.of())) {
            Connected.of(ws.awaitConnected());
            String id = demo().broadcast(name, "one\ntwo");
            ws.awaitEvents(named(name), 1, Timeouts.DEFAULT);
            String frame = "event: " + name + "\nid: " + id + "\ndata: one\ndata: two\n\n";
            assertTrue(ws.messages().contains(frame), () -> "messages: " + ws.messages());
            ws.messages().forEach(m -> assertTrue(m.endsWith("\n\n"), () -> "whole frames: " + m));
        }
    }

    @Test
    void aRefusedHandshakeIsClosedWithFourThousandPlusTheHttpStatus() throws Exception {
        try (WsClient ws = WsClient.open(base.toURI(), "topic=not%20a%20topic", Map.of())) {
            assertEquals(4400, ws.awaitCloseCode());
        }
    }

    private WsClient resume(String cursor, String token, String topic) throws Exception {
        URI deployment = base.toURI();
        String query = "lastEventId=" + cursor + "&topic=" + topic;
        return WsClient.open(
                deployment, query, Map.of("Cookie", SseClient.SESSION_COOKIE + "=" + token));
    }
}
