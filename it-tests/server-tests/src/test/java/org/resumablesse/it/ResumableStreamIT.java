package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Delivery and recovery on one server: who receives what, and what a stream gets back after a drop.
 * Each test uses its own sessions, topics and event names.
 */
@RunAsClient
class ResumableStreamIT extends ServerIT {

    /** resumable-sse.buffer-size in deployments/stream.properties. */
    private static final int HISTORY = 200;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("stream", "deployments/stream.properties");
    }

    @Test
    void connectedEventCarriesPublicSessionIdThatIsNotTheToken() {
        SseClient stream = streams.open(demo().stream().label("first"));
        assertEquals(200, stream.status());
        SseEvent event = stream.awaitConnected();
        Connected connected = Connected.of(event);
        String token = stream.sessionToken();

        assertFalse(connected.sessionId().isBlank());
        assertNotEquals(token, connected.sessionId());
        assertFalse(event.data().contains(token), event::data);
        assertFalse(event.id().contains(token), event::id);
        assertFalse(connected.reconnection());
        assertEquals(Optional.empty(), connected.reason());
        assertEquals(0, connected.replayed());
        assertFalse(connected.id().isEmpty(), "connected has an id to resume from");
        assertNotNull(connected.retry(), "connected has a retry hint");
        assertEquals("connected", stream.events().get(0).name(), "connected comes first");
    }

    @Test
    void broadcastReachesEveryClient() {
        List<SseClient> clients =
                IntStream.range(0, 3)
                        .mapToObj(i -> streams.open(demo().stream().label("client-" + i)))
                        .toList();
        clients.forEach(SseClient::awaitConnected);
        String name = Names.unique("everyone");

        String id = demo().broadcast(name, "to everyone");
        String end = demo().broadcast(name + "-end", "end");

        for (SseClient client : clients) {
            client.awaitEvent(named(name + "-end"), Timeouts.DEFAULT);
            List<SseEvent> received = client.events(named(name));
            assertEquals(List.of(id), Sse.ids(received), "exactly once");
            assertEquals("to everyone", received.get(0).data());
            assertEquals(end, client.lastEventId());
        }
    }

    @Test
    void sessionEventReachesOnlyThatSessionsConnections() {
        SseClient mine = streams.open(demo().stream().label("mine"));
        Connected me = Connected.await(mine);
        SseClient mineToo =
                streams.open(demo().stream().sessionCookie(mine.sessionToken()).label("mine-2"));
        assertEquals(me.sessionId(), Connected.await(mineToo).sessionId());
        SseClient other = streams.open(demo().stream().label("other"));
        Connected them = Connected.await(other);
        assertNotEquals(me.sessionId(), them.sessionId());
        String name = Names.unique("private");

        String id = demo().toSession(me.sessionId(), name, "only for me");
        demo().toSession(them.sessionId(), name + "-end", "for the other one");
        String end = demo().broadcast(name + "-end", "for everyone, after it");

        assertEquals(id, mine.awaitEvent(named(name), Timeouts.DEFAULT).id());
        assertEquals(id, mineToo.awaitEvent(named(name), Timeouts.DEFAULT).id());
        for (SseClient stream : List.of(mine, mineToo)) {
            stream.awaitEvent(event -> event.id().equals(end), Timeouts.DEFAULT);
        }
        other.awaitEvents(named(name + "-end"), 2, Timeouts.DEFAULT);
        assertEquals(List.of(), other.events(named(name)));
    }

    @Test
    void firedAsyncFiredAndInjectedPublisherEventsAllReachTheStream() {
        SseClient stream = streams.open(demo().stream().label("via"));
        String session = Connected.await(stream).sessionId();
        for (String via : List.of("fire", "fireAsync", "publisher")) {
            String name = Names.unique("via-" + via);
            Map<String, String> form = DemoClient.form(name, "by " + via);
            form.put("session", session);
            form.put("via", via);

            DemoClient.Answer answer = demo().publish(form);

            assertEquals(202, answer.status(), answer::toString);
            SseEvent event = stream.awaitEvent(named(name), Timeouts.DEFAULT);
            assertEquals(answer.json().getString("id"), event.id());
            assertEquals("by " + via, event.data());
        }
    }

    @Test
    void refusedEventIsReportedWhicheverWayItIsPublished() {
        for (String via : List.of("fire", "fireAsync", "publisher")) {
            Map<String, String> form = DemoClient.form("bad name", "x");
            form.put("via", via);

            DemoClient.Answer answer = demo().publish(form);

            assertEquals(400, answer.status(), () -> via + ": " + answer);
            assertTrue(answer.json().getString("error").contains("event name"), answer::toString);
        }
    }

    @Test
    void reconnectWithLastEventIdReplaysMissedEventsInOrderThenLive() {
        Missed missed = dropAndMissTen();
        SseClient back =
                streams.open(
                        demo().stream()
                                .sessionCookie(missed.token())
                                .lastEventId(missed.cursor())
                                .label("back"));
        assertReplayedThenLive(back, missed, missed.ids());
    }

    @Test
    void reloadedPageResumesFromLastEventIdQueryParameter() {
        Missed missed = dropAndMissTen();
        SseClient back =
                streams.open(
                        demo().stream()
                                .sessionCookie(missed.token())
                                .lastEventIdQuery(missed.cursor())
                                .label("reloaded"));
        assertReplayedThenLive(back, missed, missed.ids());
    }

    @Test
    void lastEventIdHeaderWinsOverQueryParameter() {
        Missed missed = dropAndMissTen();
        SseClient back =
                streams.open(
                        demo().stream()
                                .sessionHeader(missed.token())
                                .lastEventId(missed.ids().get(4))
                                .lastEventIdQuery(missed.cursor())
                                .label("header-and-query"));
        assertReplayedThenLive(back, missed, missed.ids().subList(5, 10));
    }

    @Test
    void cursorOlderThanTheHistoryReportsOverflowAndContinuesLive() {
        SseClient keeper = streams.open(demo().stream().label("keeps-the-session"));
        Connected.await(keeper);
        String token = keeper.sessionToken();
        String topic = Names.unique("overflow");
        String name = Names.unique("flood");
        SseClient follower =
                streams.open(demo().stream().sessionCookie(token).topic(topic).label("follower"));
        Connected.await(follower);
        demo().toTopic(topic, name, "seen");
        follower.awaitEvent(named(name), Timeouts.DEFAULT);
        String cursor = follower.drop();

        for (int i = 1; i <= HISTORY + 5; i++) {
            demo().toTopic(topic, name, "missed " + i);
        }
        SseClient back =
                streams.open(
                        demo().stream()
                                .sessionCookie(token)
                                .topic(topic)
                                .lastEventId(cursor)
                                .label("back"));
        Connected connected = Connected.await(back);

        assertTrue(connected.reconnection());
        assertFalse(connected.recovered());
        assertEquals(Optional.of("overflow"), connected.reason());
        assertEquals(0, connected.replayed());
        String live = demo().toTopic(topic, name, "live");
        assertEquals(live, back.awaitEvent(named(name), Timeouts.DEFAULT).id(), "nothing replayed");
    }

    @Test
    void secondConnectionWhileFirstIsOpenLosesAndDoublesNothing() throws Exception {
        SseClient first = streams.open(demo().stream().label("first"));
        String session = Connected.await(first).sessionId();
        String name = Names.unique("handover");
        List<String> ids = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(demo().toSession(session, name, "event " + i));
        }
        first.awaitEvents(named(name), 3, Timeouts.DEFAULT);
        String cursor = first.lastEventId();
        assertEquals(ids.get(2), cursor);

        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try {
            Future<?> publishing =
                    publisher.submit(
                            () -> {
                                for (int i = 3; i < 40; i++) {
                                    ids.add(demo().toSession(session, name, "event " + i));
                                }
                            });
            first.awaitEvents(named(name), 6, Timeouts.DEFAULT);
            SseClient second =
                    streams.open(
                            demo().stream()
                                    .sessionCookie(first.sessionToken())
                                    .lastEventId(cursor)
                                    .label("second"));
            Connected connected = Connected.await(second);
            assertTrue(connected.recovered(), () -> "recovered: " + connected);
            assertEquals(session, connected.sessionId());
            publishing.get(Timeouts.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);

            String end = demo().toSession(session, name + "-end", "end");
            for (SseClient stream : List.of(first, second)) {
                stream.awaitEvent(event -> event.id().equals(end), Timeouts.DEFAULT);
            }
            assertEquals(ids, Sse.ids(first.events(named(name))), "first stream");
            assertEquals(ids.subList(3, 40), Sse.ids(second.events(named(name))), "second stream");
        } finally {
            publisher.shutdownNow();
        }
    }

    @Test
    void twoConnectionsOfOneSessionEachRecoverFromTheirOwnCursor() {
        SseClient a = streams.open(demo().stream().label("a"));
        String session = Connected.await(a).sessionId();
        String token = a.sessionToken();
        SseClient b = streams.open(demo().stream().sessionCookie(token).label("b"));
        Connected.await(b);
        String name = Names.unique("two-cursors");
        List<String> ids = new ArrayList<>();

        ids.add(demo().toSession(session, name, "0"));
        ids.add(demo().toSession(session, name, "1"));
        a.awaitEvents(named(name), 2, Timeouts.DEFAULT);
        String cursorA = a.drop();
        ids.add(demo().toSession(session, name, "2"));
        ids.add(demo().toSession(session, name, "3"));
        b.awaitEvents(named(name), 4, Timeouts.DEFAULT);
        String cursorB = b.drop();
        for (int i = 4; i < 7; i++) {
            ids.add(demo().toSession(session, name, Integer.toString(i)));
        }

        SseClient a2 =
                streams.open(demo().stream().sessionCookie(token).lastEventId(cursorA).label("a2"));
        SseClient b2 =
                streams.open(demo().stream().sessionCookie(token).lastEventId(cursorB).label("b2"));
        assertRecovered(a2, session, name, ids.subList(2, 7));
        assertRecovered(b2, session, name, ids.subList(4, 7));
    }

    @Test
    void randomDropsDuringContinuousPublishingLoseAndDoubleNothing() throws Exception {
        long seed = Seeds.seed();
        System.out.println("randomDropsDuringContinuousPublishing: seed " + seed);
        try (RandomizedTraffic traffic = new RandomizedTraffic(demo(), new Random(seed), seed)) {
            traffic.run();
        }
    }

    /** A session that dropped its only stream and then missed ten events sent to it. */
    private record Missed(
            String token, String sessionId, String cursor, String name, List<String> ids) {}

    private Missed dropAndMissTen() {
        SseClient stream = streams.open(demo().stream().label("before-drop"));
        String session = Connected.await(stream).sessionId();
        String name = Names.unique("missed");
        String seen = demo().toSession(session, name + "-seen", "seen");
        stream.awaitEvent(named(name + "-seen"), Timeouts.DEFAULT);
        String cursor = stream.drop();
        assertEquals(seen, cursor);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(demo().toSession(session, name, "missed " + i));
        }
        return new Missed(stream.sessionToken(), session, cursor, name, List.copyOf(ids));
    }

    private void assertReplayedThenLive(SseClient stream, Missed missed, List<String> expected) {
        assertRecovered(stream, missed.sessionId(), missed.name(), expected);
        List<SseEvent> all = stream.events();
        assertEquals(
                expected,
                Sse.ids(all.subList(1, 1 + expected.size())),
                "the replayed events follow connected at once");
        int first = missed.ids().indexOf(expected.get(0));
        assertEquals("missed " + first, all.get(1).data());
        String live = demo().toSession(missed.sessionId(), missed.name(), "live");
        List<SseEvent> received =
                stream.awaitEvents(named(missed.name()), expected.size() + 1, Timeouts.DEFAULT);
        assertEquals(live, received.get(expected.size()).id());
    }

    private static void assertRecovered(
            SseClient stream, String session, String name, List<String> expected) {
        Connected connected = Connected.await(stream);
        assertEquals(session, connected.sessionId());
        assertTrue(connected.reconnection());
        assertTrue(connected.recovered(), () -> "not recovered: " + connected);
        assertEquals(expected.size(), connected.replayed(), () -> connected.toString());
        List<SseEvent> replayed =
                stream.awaitEvents(named(name), expected.size(), Timeouts.DEFAULT);
        assertEquals(expected, Sse.ids(replayed));
    }
}
