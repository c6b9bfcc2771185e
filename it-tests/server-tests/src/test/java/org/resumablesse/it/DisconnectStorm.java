package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Queue;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * Fault scenario (a): clients on both stream paths, each with its session and some topics, whose
 * connections are cut at planned random instants, half with a FIN and half with a TCP reset, and
 * who reconnect at once with their cookie and {@code Last-Event-ID}, while one thread publishes
 * broadcast, topic and session events without pause. Afterwards every client must hold every event
 * addressed to it after its first position exactly once and in order, and every reconnect must have
 * been recovered.
 *
 * <p>The seed fixes topics, audiences, drop instants and kinds; the timing is the machine's. Not
 * thread-safe: one test runs it.
 */
final class DisconnectStorm implements AutoCloseable {

    private static final int TOPICS = 3;

    private final DemoClient demo;
    private final List<URI> paths;
    private final int clientCount;
    private final int disconnects;
    private final Duration span;
    private final long seed;
    private final Random random;
    private final String name = Names.unique("storm");
    private final List<String> topics = new ArrayList<>();
    private final List<Client> clients = new ArrayList<>();
    private final List<Published> published = Collections.synchronizedList(new ArrayList<>());
    private final Queue<String> problems = new ConcurrentLinkedQueue<>();
    private final AtomicInteger resets = new AtomicInteger();
    private final AtomicInteger cleanCloses = new AtomicInteger();
    private final ScheduledExecutorService scheduler;
    private final ExecutorService publisher = Executors.newSingleThreadExecutor();
    private final CountDownLatch finished;
    private volatile boolean publishing = true;

    /**
     * @param paths the stream URIs; clients are spread over them
     * @param span the time over which each client's disconnects are planned
     */
    DisconnectStorm(
            DemoClient demo,
            List<URI> paths,
            int clients,
            int disconnects,
            Duration span,
            long seed) {
        this.demo = demo;
        this.paths = paths;
        this.clientCount = clients;
        this.disconnects = disconnects;
        this.span = span;
        this.seed = seed;
        this.random = new Random(seed);
        this.scheduler = Executors.newScheduledThreadPool(clients);
        this.finished = new CountDownLatch(clients);
        for (int i = 0; i < TOPICS; i++) {
            topics.add(name + "/topic-" + i);
        }
    }

    /**
     * Runs the storm and returns its figures, with what went wrong on the way in {@link
     * Figures#problems}.
     */
    Figures run() throws Exception {
        long started = System.nanoTime();
        for (int i = 0; i < clientCount; i++) {
            Client client = new Client(i, new Random(random.nextLong()));
            clients.add(client);
            client.connect();
        }
        Future<?> publishing = publisher.submit(this::publish);
        clients.forEach(Client::planNextDrop);
        Duration limit = span.plus(Timeouts.seconds(120));
        assertTrue(
                finished.await(limit.toMillis(), TimeUnit.MILLISECONDS),
                () -> "clients still dropping after " + limit + "; " + context());
        this.publishing = false;
        publishing.get(Timeouts.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
        String end = demo.broadcast(name, "end");
        published.add(new Published(end, client -> true));
        Figures figures = new Figures();
        for (Client client : clients) {
            if (client.failed) {
                continue;
            }
            try {
                client.current.awaitEvent(event -> event.id().equals(end), Timeouts.DEFAULT);
            } catch (AssertionError e) {
                problems.add(client + " did not receive the last event: " + e.getMessage());
            }
            client.count(figures);
        }
        figures.seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        figures.problems = List.copyOf(problems);
        return figures;
    }

    String context() {
        return Seeds.rerun(seed) + ", " + published.size() + " events published";
    }

    private void publish() {
        Random plan = new Random(seed ^ 0x5eed);
        for (int i = 0; publishing; i++) {
            int kind = plan.nextInt(10);
            String data = Integer.toString(i);
            if (kind < 4) {
                published.add(new Published(demo.broadcast(name, data), client -> true));
            } else if (kind < 7) {
                String topic = topics.get(plan.nextInt(TOPICS));
                published.add(
                        new Published(
                                demo.toTopic(topic, name, data),
                                client -> client.topics.contains(topic)));
            } else {
                Client to = clients.get(plan.nextInt(clientCount));
                published.add(
                        new Published(
                                demo.toSession(to.sessionId, name, data), client -> client == to));
            }
        }
    }

    @Override
    public void close() {
        publishing = false;
        publisher.shutdownNow();
        scheduler.shutdownNow();
        clients.stream().filter(c -> c.current != null).forEach(c -> c.current.close());
    }

    /** What the storm counted over all clients. */
    static final class Figures {
        int disconnects;
        int clean;
        int resets;
        long expected;
        long delivered;
        long gaps;
        long duplicates;
        long reorders;
        long foreign;
        int published;
        long seconds;
        List<String> problems = List.of();

        @Override
        public String toString() {
            return String.format(
                    "disconnects=%d clean=%d resets=%d published=%d expected=%d delivered=%d gaps=%d"
                            + " duplicates=%d reorders=%d foreign=%d problems=%d seconds=%d",
                    disconnects,
                    clean,
                    resets,
                    published,
                    expected,
                    delivered,
                    gaps,
                    duplicates,
                    reorders,
                    foreign,
                    problems.size(),
                    seconds);
        }
    }

    /** One published event and whom it was for. */
    private record Published(String id, Predicate<Client> addressedTo) {}

    /** One browser: a session, its topics, its planned drops and every event it received. */
    private final class Client {
        final int index;
        final Random random;
        final Set<String> topics = new LinkedHashSet<>();
        final URI events;
        final List<String> received = new ArrayList<>();
        final long[] dropAtMillis;
        final boolean[] reset;
        long startNanos;
        String token;
        String sessionId;
        String firstPosition;
        SseClient current;
        RawResponse raw;
        int dropped;
        boolean failed;

        Client(int index, Random random) {
            this.index = index;
            this.random = random;
            this.events = paths.get(index % paths.size());
            DisconnectStorm.this.topics.stream()
                    .filter(topic -> random.nextBoolean())
                    .forEach(topics::add);
            dropAtMillis = random.longs(disconnects, 0, span.toMillis()).sorted().toArray();
            List<Boolean> kinds = new ArrayList<>();
            for (int i = 0; i < disconnects; i++) {
                kinds.add(i % 2 == 0);
            }
            Collections.shuffle(kinds, random);
            reset = new boolean[disconnects];
            for (int i = 0; i < disconnects; i++) {
                reset[i] = kinds.get(i);
            }
        }

        void connect() {
            open(request());
            Connected connected = Connected.await(current);
            sessionId = connected.sessionId();
            token = current.sessionToken();
            firstPosition = connected.id();
            startNanos = System.nanoTime();
        }

        void planNextDrop() {
            long due = startNanos + TimeUnit.MILLISECONDS.toNanos(dropAtMillis[dropped]);
            scheduler.schedule(
                    this::dropAndReconnect,
                    Math.max(0, due - System.nanoTime()),
                    TimeUnit.NANOSECONDS);
        }

        private void dropAndReconnect() {
            try {
                if (reset[dropped]) {
                    raw.reset();
                    resets.incrementAndGet();
                } else {
                    current.close();
                    cleanCloses.incrementAndGet();
                }
                current.awaitEnd(Timeouts.DEFAULT);
                String cursor = current.lastEventId();
                current.events(named(name)).forEach(event -> received.add(event.id()));
                dropped++;
                open(request().header("Last-Event-ID", cursor).sessionCookie(token));
                if (current.status() != 200) {
                    throw new AssertionError("answered " + current.status() + " " + raw.text(500));
                }
                Connected connected = Connected.await(current);
                if (!connected.recovered() || !sessionId.equals(connected.sessionId())) {
                    problems.add(
                            this + " reconnect " + dropped + " from " + cursor + ": " + connected);
                }
                if (dropped < disconnects) {
                    planNextDrop();
                } else {
                    finished.countDown();
                }
            } catch (RuntimeException | AssertionError | IOException e) {
                problems.add(this + " at drop " + dropped + ": " + e);
                failed = true;
                finished.countDown();
            }
        }

        private RawRequest request() {
            RawRequest request = RawRequest.get(events);
            topics.forEach(topic -> request.query("topic", topic));
            return request;
        }

        private void open(RawRequest request) {
            raw = RawResponse.send(request);
            current = raw.stream("storm-client-" + index);
        }

        /** Adds this client's gaps, duplicates, reorders and foreign events to the figures. */
        void count(Figures figures) {
            current.events(named(name)).forEach(event -> received.add(event.id()));
            List<String> expected;
            synchronized (published) {
                expected =
                        published.stream()
                                .filter(event -> event.id().compareTo(firstPosition) > 0)
                                .filter(event -> event.addressedTo().test(this))
                                .map(Published::id)
                                .toList();
                figures.published = published.size();
            }
            Set<String> wanted = new HashSet<>(expected);
            Set<String> got = new HashSet<>(received);
            figures.disconnects += dropped;
            figures.resets = resets.get();
            figures.clean = cleanCloses.get();
            figures.expected += expected.size();
            figures.delivered += received.size();
            figures.gaps += expected.stream().filter(id -> !got.contains(id)).count();
            figures.duplicates += received.size() - got.size();
            figures.foreign += got.stream().filter(id -> !wanted.contains(id)).count();
            for (int i = 1; i < received.size(); i++) {
                if (received.get(i).compareTo(received.get(i - 1)) < 0) {
                    figures.reorders++;
                }
            }
        }

        @Override
        public String toString() {
            return "client " + index + " on " + events.getPath() + " (topics " + topics + ")";
        }
    }
}
