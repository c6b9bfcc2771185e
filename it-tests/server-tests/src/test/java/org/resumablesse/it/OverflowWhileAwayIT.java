package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.resumablesse.it.Sse.named;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.Random;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Fault scenario (b) of docs/reliability.md on each server: clients on both stream paths, each
 * following its own topic, are cut (FIN or TCP reset) and miss from 0 to twice {@value #HISTORY}
 * events of their topic while away, over several rounds, then come back with their cookie and
 * cursor (header or query parameter). Every client whose topic overflowed must be told {@code
 * recovered: false} with reason {@code overflow} before any later event, and get nothing replayed;
 * every other client must get exactly what it missed.
 */
@Tag("fault")
@RunAsClient
class OverflowWhileAwayIT extends ServerIT {

    /** resumable-sse.buffer-size in deployments/overflow.properties. */
    private static final int HISTORY = 10;

    private static final int CLIENTS = 8;
    private static final int ROUNDS = 8;

    private final ExecutorService publishers = Executors.newFixedThreadPool(4);
    private final Queue<String> wrong = new ConcurrentLinkedQueue<>();
    private final AtomicInteger overflows = new AtomicInteger();
    private final AtomicInteger signalled = new AtomicInteger();
    private final AtomicInteger exact = new AtomicInteger();
    private final String name = Names.unique("away");

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("overflow", "deployments/overflow.properties");
    }

    @AfterEach
    void stopPublishers() {
        publishers.shutdownNow();
    }

    @Test
    void everyOverflowWhileAwayIsSignalledBeforeAnyLaterEvent() throws Exception {
        long seed = Seeds.seed();
        Random random = new Random(seed);
        List<Away> clients = new ArrayList<>();
        for (int i = 0; i < CLIENTS; i++) {
            URI events =
                    demo().base()
                            .resolve(
                                    i % 2 == 0
                                            ? DemoClient.JAXRS_EVENTS
                                            : DemoClient.SERVLET_EVENTS);
            clients.add(new Away(i, events, Names.unique("away-topic")));
        }
        clients.forEach(Away::connect);
        for (int round = 0; round < ROUNDS; round++) {
            List<Future<?>> rounds = new ArrayList<>();
            for (Away client : clients) {
                // The first round takes the edge: exactly the history, and one more.
                int missed =
                        round == 0 ? HISTORY + client.index % 2 : random.nextInt(2 * HISTORY + 1);
                boolean reset = random.nextBoolean();
                boolean byQuery = random.nextBoolean();
                rounds.add(publishers.submit(() -> client.awayAndBack(missed, reset, byQuery)));
            }
            for (Future<?> done : rounds) {
                done.get(Timeouts.seconds(120).toMillis(), TimeUnit.MILLISECONDS);
            }
        }
        clients.forEach(Away::close);
        int share = overflows.get() == 0 ? 0 : 100 * signalled.get() / overflows.get();
        System.out.printf(
                "FAULT-FIGURE (b) server=%s reconnects=%d overflows=%d signalled=%d share=%d%%"
                        + " recovered-exactly=%d wrong=%d seed=%d%n",
                System.getProperty("arquillian.launch"),
                CLIENTS * ROUNDS,
                overflows.get(),
                signalled.get(),
                share,
                exact.get(),
                wrong.size(),
                seed);
        String context = Seeds.rerun(seed);
        assertEquals(List.of(), List.copyOf(wrong), context);
        assertEquals(overflows.get(), signalled.get(), context);
        assertEquals(CLIENTS * ROUNDS, overflows.get() + exact.get(), context);
    }

    /** One client that keeps going away while its topic moves on. */
    private final class Away {
        final int index;
        final URI events;
        final String topic;
        SseClient stream;
        RawResponse raw;
        String token;
        String sessionId;

        Away(int index, URI events, String topic) {
            this.index = index;
            this.events = events;
            this.topic = topic;
        }

        void connect() {
            open(RawRequest.get(events).query("topic", topic));
            sessionId = Connected.await(stream).sessionId();
            token = stream.sessionToken();
        }

        void awayAndBack(int missed, boolean reset, boolean byQuery) {
            String seen = demo().toTopic(topic, name, "seen");
            stream.awaitEvent(event -> event.id().equals(seen), Timeouts.DEFAULT);
            if (reset) {
                raw.reset();
            } else {
                stream.close();
            }
            stream.awaitEnd(Timeouts.DEFAULT);
            String cursor = stream.lastEventId();
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < missed; i++) {
                ids.add(demo().toTopic(topic, name, "missed " + i));
            }
            RawRequest back = RawRequest.get(events).query("topic", topic).sessionCookie(token);
            open(
                    byQuery
                            ? back.query("lastEventId", cursor)
                            : back.header("Last-Event-ID", cursor));
            Connected connected = Connected.await(stream);
            String live = demo().toTopic(topic, name, "live");
            stream.awaitEvent(event -> event.id().equals(live), Timeouts.DEFAULT);
            if (!stream.events().get(0).name().equals("connected")) {
                wrong.add(this + ": the first event was not connected: " + stream.events());
            }
            check(missed, ids, cursor, connected, Sse.ids(stream.events(named(name))), live);
        }

        private void check(
                int missed,
                List<String> ids,
                String cursor,
                Connected connected,
                List<String> received,
                String live) {
            List<String> expected = new ArrayList<>();
            String what = this + " missed " + missed + " after " + cursor + ": " + connected;
            if (!sessionId.equals(connected.sessionId())) {
                wrong.add(what + " has another session");
            }
            if (missed > HISTORY) {
                overflows.incrementAndGet();
                if (!connected.recovered()
                        && connected.reason().equals(Optional.of("overflow"))
                        && connected.replayed() == 0) {
                    signalled.incrementAndGet();
                }
            } else if (connected.recovered() && connected.replayed() == missed) {
                expected.addAll(ids);
                exact.incrementAndGet();
            } else {
                wrong.add(what + " was not recovered");
            }
            expected.add(live);
            if (!expected.equals(received)) {
                wrong.add(what + " then received " + received + " instead of " + expected);
            }
        }

        private void open(RawRequest request) {
            raw = RawResponse.send(request);
            stream = raw.stream("away-" + index);
        }

        void close() {
            stream.close();
        }

        @Override
        public String toString() {
            return "client " + index + " on " + events.getPath();
        }
    }
}
