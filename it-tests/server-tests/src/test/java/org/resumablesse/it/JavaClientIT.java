package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.resumablesse.client.ConnectedStatus;
import org.resumablesse.client.ResumableEventSource;
import org.resumablesse.client.ResumableEventSourceBuilder;

/**
 * The library's Java client ({@link ResumableEventSource} on Jersey's {@code SseEventSource}) from
 * the test JVM: exact delivery through connections cut at random, a start from a stored cursor, and
 * cursor-only resume, where a cursor without a session token recovers every stream but the earlier
 * session's own.
 */
@RunAsClient
class JavaClientIT extends ServerIT {

    /** Fewer than resumable-sse.buffer-size (200), so no cut can cost the client history. */
    private static final int EVENTS = 150;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("javaclient", "deployments/stream.properties");
    }

    private ResumableEventSourceBuilder client(java.net.URI events, ReceivedByClient received) {
        // A short cap: the test servers send retry: 4321, and a reconnect need not wait that long.
        return ResumableEventSource.builder(events)
                .backoff(Duration.ofMillis(100), Duration.ofMillis(500))
                .onEvent(received::event)
                .onConnected(received::connected);
    }

    @Test
    void everyEventArrivesOnceAndInOrderWhileConnectionsAreCutAtRandom() throws Exception {
        long seed = Long.getLong("resumablesse.test.seed", System.nanoTime());
        Random random = new Random(seed);
        String topic = Names.unique("feed");
        ReceivedByClient received = new ReceivedByClient();
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try (CuttingProxy proxy = new CuttingProxy(demo().eventsUri());
                ResumableEventSource source =
                        client(proxy.via(demo().eventsUri()), received).topic(topic).build()) {
            source.open();
            await("connected").atMost(Timeouts.DEFAULT).until(() -> !received.statuses.isEmpty());
            Future<List<String>> published =
                    publisher.submit(
                            () ->
                                    IntStream.range(0, EVENTS)
                                            .mapToObj(i -> demo().toTopic(topic, topic, "" + i))
                                            .toList());
            int cuts = 0;
            for (int threshold = 10 + random.nextInt(20);
                    threshold < EVENTS - 10;
                    threshold += 20 + random.nextInt(30)) {
                int after = threshold;
                await("event " + after)
                        .atMost(Timeouts.seconds(60))
                        .until(() -> received.events.size() >= after);
                int connections = received.statuses.size();
                cuts += proxy.cutAll();
                await("reconnected after cut " + cuts + " (seed " + seed + ")")
                        .atMost(Timeouts.DEFAULT)
                        .until(() -> received.statuses.size() > connections);
            }
            List<String> ids = published.get(Timeouts.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
            await("the last event (seed " + seed + ")")
                    .atMost(Timeouts.seconds(60))
                    .until(() -> received.ids(topic).contains(ids.get(EVENTS - 1)));

            assertTrue(cuts >= 2, "seed " + seed + ": only " + cuts + " cuts");
            assertEquals(ids, received.ids(topic), "seed " + seed);
            assertEquals(
                    IntStream.range(0, EVENTS).mapToObj(Integer::toString).toList(),
                    received.data(topic));
            for (ConnectedStatus status : received.statuses.subList(1, received.statuses.size())) {
                assertTrue(status.recovered(), () -> "seed " + seed + ": " + status);
                assertFalse(status.newSession(), () -> "the token was kept: " + status);
            }
        } finally {
            publisher.shutdownNow();
        }
    }

    @Test
    void startsFromAStoredCursorAndGetsWhatWasPublishedAfterIt() {
        String topic = Names.unique("stored");
        String cursor = demo().toTopic(topic, topic + "-a", "before the cursor");
        String second = demo().toTopic(topic, topic + "-b", "missed");
        String third = demo().broadcast(topic + "-c", "missed too");
        ReceivedByClient received = new ReceivedByClient();

        try (ResumableEventSource source =
                client(demo().eventsUri(), received).topic(topic).lastEventId(cursor).build()) {
            source.open();
            await("the replay")
                    .atMost(Timeouts.DEFAULT)
                    .until(() -> received.ids(topic).contains(third));
            String live = demo().toTopic(topic, topic + "-d", "live");
            await("live").atMost(Timeouts.DEFAULT).until(() -> received.ids(topic).contains(live));

            assertEquals(List.of(second, third, live), received.ids(topic));
            ConnectedStatus status = received.statuses.get(0);
            assertTrue(status.reconnection(), status::toString);
            assertTrue(status.recovered(), status::toString);
            assertTrue(status.newSession(), "no token was stored: " + status);
            assertEquals(cursor, status.position());
            assertEquals(live, source.lastEventId());
        }
    }

    @Test
    void aCursorWithoutTokenRecoversBroadcastAndTopicButNotTheEarlierSessionsEvents() {
        String topic = Names.unique("away");
        ReceivedByClient first = new ReceivedByClient();
        String cursor;
        String token;
        String session;
        try (ResumableEventSource source = client(demo().eventsUri(), first).topic(topic).build()) {
            source.open();
            await("connected").atMost(Timeouts.DEFAULT).until(() -> !first.statuses.isEmpty());
            String seen = demo().toTopic(topic, topic + "-seen", "seen");
            await("seen").atMost(Timeouts.DEFAULT).until(() -> first.ids(topic).contains(seen));
            cursor = source.lastEventId();
            token = source.sessionToken();
            session = first.lastStatus().sessionId();
        }
        String mine = demo().toSession(session, topic + "-mine", "for the earlier session");
        String onTopic = demo().toTopic(topic, topic + "-topic", "missed topic event");
        String broadcast = demo().broadcast(topic + "-all", "missed broadcast");

        ReceivedByClient withoutToken = resume(topic, cursor, null, broadcast);
        ReceivedByClient withToken = resume(topic, cursor, token, broadcast);

        assertEquals(List.of(onTopic, broadcast), withoutToken.ids(topic));
        ConnectedStatus fresh = withoutToken.statuses.get(0);
        assertTrue(fresh.recovered(), fresh::toString);
        assertTrue(fresh.newSession(), fresh::toString);
        assertEquals(2, fresh.replayed(), fresh::toString);
        assertNotEquals(session, fresh.sessionId());
        assertEquals(List.of(mine, onTopic, broadcast), withToken.ids(topic));
        ConnectedStatus resumed = withToken.statuses.get(0);
        assertEquals(session, resumed.sessionId());
        assertFalse(resumed.newSession(), resumed::toString);
        assertEquals(3, resumed.replayed(), resumed::toString);
    }

    /**
     * A new client from this cursor (and token), kept until the last replayed event and one live
     * event have arrived.
     */
    private ReceivedByClient resume(String topic, String cursor, String token, String last) {
        ReceivedByClient received = new ReceivedByClient();
        try (ResumableEventSource source =
                client(demo().eventsUri(), received)
                        .topic(topic)
                        .lastEventId(cursor)
                        .sessionToken(token)
                        .build()) {
            source.open();
            await("the replay to " + (token == null ? "a new session" : "the session"))
                    .atMost(Timeouts.DEFAULT)
                    .until(() -> received.ids(topic).contains(last));
            // Live, and to this session only, so that no later client of the test replays it.
            String end =
                    demo().toSession(received.statuses.get(0).sessionId(), "end-" + topic, "live");
            await("a live event")
                    .atMost(Timeouts.DEFAULT)
                    .until(() -> received.ids("end-" + topic).contains(end));
        }
        return received;
    }
}
