package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.resumablesse.it.Sse.named;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A bounded, seeded chaos run: several clients, each with its own session and some topics, while
 * one thread publishes broadcast, session and topic events and the test thread drops random streams
 * and reconnects them with Last-Event-ID. Afterwards every client must hold every event addressed
 * to it exactly once, in publish order, and every reconnect must have recovered.
 *
 * <p>The seed fixes the clients' topics, the publishing plan and the drop plan; the timing is the
 * machine's.
 */
final class RandomizedTraffic implements AutoCloseable {

    private static final int CLIENTS = 5;
    private static final int TOPICS = 3;
    private static final int EVENTS = 400;
    private static final int MAX_DROPS = 15;
    private static final Duration RUN_TIME = Timeouts.seconds(120);

    private final DemoClient demo;
    private final Random random;
    private final long seed;
    private final String name = Names.unique("traffic");
    private final List<String> topics = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<String> problems = new CopyOnWriteArrayList<>();
    private volatile boolean publishingDone;

    RandomizedTraffic(DemoClient demo, Random random, long seed) {
        this.demo = demo;
        this.random = random;
        this.seed = seed;
        for (int i = 0; i < TOPICS; i++) {
            topics.add(name + "/topic-" + i);
        }
    }

    void run() throws Exception {
        for (int i = 0; i < CLIENTS; i++) {
            Set<String> followed = new LinkedHashSet<>();
            topics.stream().filter(topic -> random.nextBoolean()).forEach(followed::add);
            clients.add(new Client(i, followed));
        }
        clients.forEach(Client::connect);
        long publishSeed = random.nextLong();
        ExecutorService publisher = Executors.newSingleThreadExecutor();
        try {
            Future<?> publishing = publisher.submit(() -> publish(new Random(publishSeed)));
            dropAndReconnect();
            publishing.get(RUN_TIME.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            publisher.shutdownNow();
        }
        System.out.println(summary());
        assertEquals(List.of(), problems, this::context);
        for (Client client : clients) {
            client.assertReceivedEverythingOnce();
        }
    }

    private void publish(Random plan) {
        try {
            for (int i = 0; i < EVENTS; i++) {
                int kind = plan.nextInt(10);
                String data = "event " + i;
                if (kind < 2) {
                    published.add(new Published(demo.broadcast(name, data), data, c -> true));
                } else if (kind < 6) {
                    Client to = clients.get(plan.nextInt(CLIENTS));
                    String id = demo.toSession(to.sessionId, name, data);
                    published.add(new Published(id, data, c -> c == to));
                } else {
                    String topic = topics.get(plan.nextInt(TOPICS));
                    String id = demo.toTopic(topic, name, data);
                    published.add(new Published(id, data, c -> c.followed.contains(topic)));
                }
            }
        } finally {
            publishingDone = true;
        }
    }

    private void dropAndReconnect() {
        for (int drops = 0; drops < MAX_DROPS && !publishingDone; drops++) {
            awaitPublished(5 + random.nextInt(25));
            Client client = clients.get(random.nextInt(CLIENTS));
            client.drop();
            awaitPublished(1 + random.nextInt(15));
            client.reconnect();
        }
    }

    /** Waits until this many more events were published, or publishing ended. */
    private void awaitPublished(int more) {
        int target = published.size() + more;
        await().atMost(RUN_TIME)
                .pollInterval(Duration.ofMillis(5))
                .until(() -> publishingDone || published.size() >= target);
    }

    private String context() {
        return Seeds.rerun(seed) + ", " + published.size() + " events published";
    }

    private String summary() {
        StringBuilder summary = new StringBuilder(context()).append(':');
        for (Client client : clients) {
            long addressed =
                    published.stream().filter(event -> event.addressedTo().test(client)).count();
            summary.append("\n  ")
                    .append(client)
                    .append(", ")
                    .append(addressed)
                    .append(" events for it");
        }
        return summary.toString();
    }

    @Override
    public void close() {
        clients.stream()
                .filter(client -> client.stream != null)
                .forEach(client -> client.stream.close());
    }

    /** One published event and who it was for. */
    private record Published(String id, String data, Predicate<Client> addressedTo) {}

    /** One browser: a session, its topics, and every event received over all its streams. */
    private final class Client {
        final int index;
        final Set<String> followed;
        final List<SseEvent> earlier = new ArrayList<>();
        String token;
        String sessionId;
        SseClient stream;
        String cursor;
        int reconnects;

        Client(int index, Set<String> followed) {
            this.index = index;
            this.followed = followed;
        }

        void connect() {
            stream = builder().open();
            sessionId = Connected.await(stream).sessionId();
            token = stream.sessionToken();
        }

        void drop() {
            cursor = stream.drop();
            earlier.addAll(stream.events(named(name)));
        }

        void reconnect() {
            reconnects++;
            stream = builder().sessionCookie(token).lastEventId(cursor).open();
            Connected connected = Connected.await(stream);
            if (!connected.reconnection() || !connected.recovered()) {
                problems.add(
                        this + " reconnect " + reconnects + " from " + cursor + ": " + connected);
            }
            if (!sessionId.equals(connected.sessionId())) {
                problems.add(this + " got another session on reconnect: " + connected);
            }
        }

        void assertReceivedEverythingOnce() {
            List<String> expected =
                    published.stream()
                            .filter(event -> event.addressedTo().test(this))
                            .map(event -> event.id() + " " + event.data())
                            .toList();
            if (!expected.isEmpty()) {
                String last = expected.get(expected.size() - 1).split(" ", 2)[0];
                if (earlier.stream().noneMatch(event -> event.id().equals(last))) {
                    stream.awaitEvent(event -> event.id().equals(last), Timeouts.DEFAULT);
                }
            }
            List<String> received = new ArrayList<>();
            earlier.forEach(event -> received.add(event.id() + " " + event.data()));
            stream.events(named(name))
                    .forEach(event -> received.add(event.id() + " " + event.data()));
            assertEquals(expected, received, () -> this + " " + difference(expected, received));
        }

        private SseRequest builder() {
            SseRequest builder = demo.stream().label("traffic-client-" + index);
            followed.forEach(builder::topic);
            return builder;
        }

        private String difference(List<String> expected, List<String> received) {
            int i = 0;
            while (i < expected.size()
                    && i < received.size()
                    && expected.get(i).equals(received.get(i))) {
                i++;
            }
            List<String> missing = new ArrayList<>(expected);
            missing.removeAll(received);
            List<String> unexpected = new ArrayList<>(received);
            unexpected.removeAll(expected);
            return "first difference at "
                    + i
                    + " of "
                    + expected.size()
                    + " expected / "
                    + received.size()
                    + " received; missing "
                    + missing
                    + "; unexpected or repeated "
                    + (received.size() - new LinkedHashSet<>(received).size())
                    + " duplicates, "
                    + unexpected
                    + "; "
                    + context();
        }

        @Override
        public String toString() {
            return "client " + index + " (topics " + followed + ", " + reconnects + " reconnects)";
        }
    }
}
