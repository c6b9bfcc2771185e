package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.resumablesse.Audience;
import org.resumablesse.ServerEvent;
import org.resumablesse.spi.History;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * Drives an engine with clients that connect, drop and come back, next to a model that keeps every
 * published event. After each step the harness can say what every connection must have received:
 * exactly the events of its streams after the position it continued from, or, when it brought a
 * cursor that cannot be honoured, a gap with the reason the model expects.
 *
 * <p>Delivery is synchronous, so what a transport holds is final as soon as a call returns.
 */
final class ReplayHarness {

    static final Duration TTL = Duration.ofSeconds(30);
    static final String OTHER_EPOCH = "00000000deadbeef";
    static final String UNKNOWN_SESSION = new SessionIds(new SecureRandom()).newSessionId();

    /** Where a publish goes; {@code SESSION_OF} means the session a client holds now. */
    enum Target {
        BROADCAST,
        TOPIC_A,
        TOPIC_B,
        TOPIC_C,
        USER_1,
        USER_2,
        SESSION_OF,
        UNKNOWN_SESSION
    }

    /** What a reconnecting client sends as its last event id. */
    enum CursorKind {
        LAST_SEEN,
        NONE,
        OLDER,
        MALFORMED,
        FUTURE,
        OTHER_EPOCH
    }

    private static final List<String> MALFORMED =
            List.of(
                    "garbage",
                    "-1",
                    "0123456789abcdef-12",
                    "0123456789abcdef-9999999999999999999",
                    "\u0000",
                    "0123456789abcdef-000000000000000001\r\nid: 5",
                    "x".repeat(5000));

    private final int capacity;
    private final MutableClock clock = new MutableClock(1_000_000);
    private final HookedStore store;
    private final SseEngine engine;
    private final String epoch;
    private final List<Published> published = new ArrayList<>();
    private final Map<Audience, StreamModel> streams = new HashMap<>();
    private final Map<String, SessionModel> sessions = new HashMap<>();
    private final Map<String, SessionModel> sessionByToken = new LinkedHashMap<>();
    private final Set<Long> lost = new HashSet<>();
    private final List<String> outcomes = new ArrayList<>();
    private final List<ClientModel> clients = new ArrayList<>();
    private final List<ConnectionModel> connections = new ArrayList<>();

    ReplayHarness(int capacity, List<Set<String>> initialTopics) {
        this.capacity = capacity;
        this.store = new HookedStore(new InMemoryEventStore(capacity, new SecureRandom()));
        this.engine =
                TestEngines.started(
                        TestEngines.settings().bufferSize(capacity).bufferTtl(TTL).build(),
                        store,
                        clock,
                        TestEngines.DIRECT);
        String[] users = {"u1", "u2", null};
        for (int i = 0; i < initialTopics.size(); i++) {
            ClientModel client = new ClientModel(users[i % users.length], initialTopics.get(i));
            clients.add(client);
            connect(client, null, null, client.topics);
        }
        this.epoch = clients.isEmpty() ? null : connections.get(0).positionEpoch();
    }

    /** How each connection after the first ones started: recovered, or which gap. */
    List<String> outcomes() {
        return outcomes.subList(Math.min(outcomes.size(), clients.size()), outcomes.size());
    }

    void close() {
        engine.close();
    }

    long head() {
        return published.size();
    }

    void publish(Target target, int clientIndex) {
        Audience audience =
                switch (target) {
                    case BROADCAST -> Audience.everyone();
                    case TOPIC_A -> Audience.topic("a");
                    case TOPIC_B -> Audience.topic("b");
                    case TOPIC_C -> Audience.topic("c");
                    case USER_1 -> Audience.user("u1");
                    case USER_2 -> Audience.user("u2");
                    case SESSION_OF -> Audience.session(client(clientIndex).sessionId);
                    case UNKNOWN_SESSION -> Audience.session(UNKNOWN_SESSION);
                };
        String name = "e" + (published.size() + 1);
        String data = "{\"n\":" + (published.size() + 1) + "}\nline\r\n" + target;
        String id = engine.publish(new ServerEvent(audience, name, data));
        long sequence = published.size() + 1;
        assertThat(id).isEqualTo(Cursor.format(epoch, sequence));
        published.add(new Published(sequence, audience, name, data));
        StreamModel stream = streams.computeIfAbsent(audience, key -> new StreamModel());
        stream.lastAppendMillis = clock.millis();
        stream.retained.add(sequence);
        if (stream.retained.size() > capacity) {
            lost.add(stream.retained.remove(0));
        }
        noteCuts();
    }

    /**
     * The engine cuts a connection whose history was trimmed past what it has received (with a
     * buffer this small, events published during its hand-over can do that). Checks that the cut
     * was due, then models it as the client's drop: it has exactly the events up to its last one.
     */
    private void noteCuts() {
        for (ClientModel client : clients) {
            ConnectionModel open = client.open;
            if (open == null || open.connected.opened.connection().isOpen()) {
                continue;
            }
            long last = open.lastReceived();
            assertThat(
                            lost.stream()
                                    .anyMatch(
                                            sequence ->
                                                    sequence > last
                                                            && open.streams.contains(
                                                                    published
                                                                            .get(
                                                                                    Math.toIntExact(
                                                                                            sequence
                                                                                                    - 1))
                                                                            .stream())))
                    .as("a connection is cut only when history lost an event it had not received")
                    .isTrue();
            open.endSequence = last;
            client.open = null;
            SessionModel session = sessions.get(open.sessionId);
            session.openConnections--;
            session.lastDetachMillis = clock.millis();
        }
    }

    void disconnect(int clientIndex) {
        ClientModel client = client(clientIndex);
        ConnectionModel open = client.open;
        if (open == null) {
            return;
        }
        open.connected.disconnect();
        open.endSequence = head();
        client.open = null;
        SessionModel session = sessions.get(open.sessionId);
        session.openConnections--;
        session.lastDetachMillis = clock.millis();
    }

    /**
     * Drops the client's connection if it has one, then connects again with its token (or a token
     * the server never issued) and a cursor of the given kind.
     */
    void reconnect(
            int clientIndex,
            CursorKind kind,
            boolean forgedToken,
            long older,
            int malformed,
            Set<String> topics,
            List<Target> before,
            List<Target> after) {
        ClientModel client = client(clientIndex);
        disconnect(clientIndex);
        long lastSeen = client.lastSeenSequence();
        String cursor =
                switch (kind) {
                    case LAST_SEEN -> Cursor.format(epoch, lastSeen);
                    case NONE -> null;
                    case OLDER -> Cursor.format(epoch, Math.min(older, lastSeen));
                    case MALFORMED -> MALFORMED.get(malformed % MALFORMED.size());
                    case FUTURE -> Cursor.format(epoch, head() + 100 + older);
                    case OTHER_EPOCH -> Cursor.format(OTHER_EPOCH, lastSeen);
                };
        String token = forgedToken ? new SessionIds(new SecureRandom()).newToken() : client.token;
        connect(client, token, cursor, topics, before, after);
    }

    /**
     * Moves the clock on and runs the engine's expiry, then applies the same rules to the model.
     */
    void expire(Duration step) {
        clock.advance(step);
        engine.expire();
        long now = clock.millis();
        for (Map.Entry<String, SessionModel> entry : sessions.entrySet()) {
            SessionModel session = entry.getValue();
            if (!session.expired
                    && session.openConnections == 0
                    && now - session.lastDetachMillis >= TTL.toMillis()) {
                session.expired = true;
                removeStream(Audience.session(entry.getKey()));
            }
        }
        Set<Audience> followed = new HashSet<>();
        for (ClientModel client : clients) {
            if (client.open != null) {
                followed.addAll(client.open.streams);
            }
        }
        for (Audience stream : List.copyOf(streams.keySet())) {
            boolean liveSession =
                    stream.kind() == Audience.Kind.SESSION
                            && sessions.containsKey(stream.key())
                            && !sessions.get(stream.key()).expired;
            if (stream.kind() != Audience.Kind.BROADCAST
                    && streams.get(stream).lastAppendMillis < now - TTL.toMillis()
                    && !followed.contains(stream)
                    && !liveSession) {
                removeStream(stream);
            }
        }
    }

    void tick(Duration step) {
        clock.advance(step);
    }

    private void removeStream(Audience stream) {
        StreamModel removed = streams.remove(stream);
        if (removed != null) {
            lost.addAll(removed.retained);
        }
    }

    /** Checks every connection so far against the model, and the engine's bookkeeping. */
    void verify() {
        for (ConnectionModel connection : connections) {
            connection.verify();
        }
        long retained = streams.values().stream().mapToLong(s -> s.retained.size()).sum();
        assertThat(engine.stats().eventsRetained()).as("events retained").isEqualTo(retained);
        for (Map.Entry<String, SessionModel> entry : sessions.entrySet()) {
            assertThat(engine.session(entry.getKey()).isPresent())
                    .as("session %s alive", entry.getKey())
                    .isEqualTo(!entry.getValue().expired);
        }
    }

    private ClientModel client(int index) {
        return clients.get(index % clients.size());
    }

    private void connect(ClientModel client, String token, String cursor, Set<String> topics) {
        connect(client, token, cursor, topics, List.of(), List.of());
    }

    /**
     * Admits and opens a connection. The {@code before} events are published when the planner first
     * asks the store for its head, {@code after} ones right after it read the history: the moments
     * a concurrent publisher could hit during the hand-over from replay to live.
     */
    private void connect(
            ClientModel client,
            String token,
            String cursor,
            Set<String> topics,
            List<Target> before,
            List<Target> after) {
        SessionModel resumed = token == null ? null : sessionByToken.get(token);
        boolean newSession = resumed == null || resumed.expired;
        String user = client.user;
        Admission admission = engine.admit(token, cursor, topics, user);
        assertThat(admission.newSession()).as("new session").isEqualTo(newSession);
        if (newSession) {
            assertThat(admission.token()).isNotEqualTo(token);
            SessionModel session = new SessionModel();
            sessions.put(admission.session().id(), session);
            sessionByToken.put(admission.token(), session);
            client.token = admission.token();
        } else {
            assertThat(admission.session().id()).isEqualTo(client.sessionId);
        }
        client.sessionId = admission.session().id();
        sessions.get(client.sessionId).openConnections++;

        Set<Audience> followed = new LinkedHashSet<>();
        followed.add(Audience.everyone());
        topics.forEach(topic -> followed.add(Audience.topic(topic)));
        if (user != null) {
            followed.add(Audience.user(user));
        }
        followed.add(Audience.session(client.sessionId));

        int index = clients.indexOf(client);
        Expected[] expected = new Expected[1];
        long[] readHead = new long[1];
        Runnable planStarts =
                () -> {
                    before.forEach(target -> publish(target, index));
                    expected[0] = expect(cursor, followed);
                    readHead[0] = head();
                };
        store.hooks(planStarts, () -> after.forEach(target -> publish(target, index)));
        RecordingTransport transport = new RecordingTransport();
        Client.Connected connected;
        try {
            connected = new Client.Connected(engine.open(admission, transport), transport);
        } finally {
            store.hooks(null, null);
        }
        assertThat(expected[0]).as("the planner asked the store for its head").isNotNull();
        Expected told = expected[0];
        long start = told.recovered() ? told.start() : head();
        outcomes.add(
                told.reason() != null
                        ? told.reason().wireName()
                        : !told.reconnection()
                                ? "no cursor"
                                : start < readHead[0]
                                        ? "recovered with replay"
                                        : "recovered, nothing missed");
        if (newSession && told.reconnection()) {
            outcomes.add("new session");
        }
        ConnectionModel connection =
                new ConnectionModel(
                        connected, client.sessionId, followed, told, start, readHead[0]);
        connections.add(connection);
        client.open = connection;
        client.history.add(connection);
        noteCuts();
    }

    /** What the client must be told, by the rules in their order of precedence. */
    private Expected expect(String cursor, Set<Audience> followed) {
        long head = head();
        if (cursor == null || cursor.isBlank()) {
            return new Expected(false, false, null, head);
        }
        var parsed = Cursor.parse(cursor);
        if (parsed.isEmpty()) {
            return new Expected(true, false, GapReason.INVALID, head);
        }
        if (!parsed.get().epoch().equals(epoch)) {
            return new Expected(true, false, GapReason.UNKNOWN_EPOCH, head);
        }
        long after = parsed.get().sequence();
        if (after > head) {
            return new Expected(true, false, GapReason.INVALID, head);
        }
        boolean gap =
                lost.stream()
                        .anyMatch(
                                sequence ->
                                        sequence > after
                                                && followed.contains(
                                                        published
                                                                .get(Math.toIntExact(sequence - 1))
                                                                .stream()));
        if (gap) {
            return new Expected(true, false, GapReason.OVERFLOW, head);
        }
        return new Expected(true, true, null, after);
    }

    /** Runs a hook before the first head or history read, and one after the history read. */
    private static final class HookedStore extends DelegatingEventStore {
        private Runnable beforeFirstCall;
        private Runnable afterRead;

        HookedStore(InMemoryEventStore delegate) {
            super(delegate);
        }

        void hooks(Runnable beforeFirstCall, Runnable afterRead) {
            this.beforeFirstCall = beforeFirstCall;
            this.afterRead = afterRead;
        }

        private void firstCall() {
            Runnable hook = beforeFirstCall;
            beforeFirstCall = null;
            if (hook != null) {
                hook.run();
            }
        }

        @Override
        public long head() {
            firstCall();
            return super.head();
        }

        @Override
        public History readAfter(Set<Audience> streams, long afterSequence) {
            firstCall();
            History history = super.readAfter(streams, afterSequence);
            Runnable hook = afterRead;
            afterRead = null;
            if (hook != null) {
                hook.run();
            }
            return history;
        }
    }

    private record Published(long sequence, Audience stream, String name, String data) {}

    private record Expected(
            boolean reconnection, boolean recovered, GapReason reason, long start) {}

    private static final class StreamModel {
        final List<Long> retained = new ArrayList<>();
        long lastAppendMillis;
    }

    private static final class SessionModel {
        int openConnections;
        long lastDetachMillis;
        boolean expired;
    }

    private static final class ClientModel {
        final String user;
        final Set<String> topics;
        final List<ConnectionModel> history = new ArrayList<>();
        String token;
        String sessionId;
        ConnectionModel open;

        ClientModel(String user, Set<String> topics) {
            this.user = user;
            this.topics = topics;
        }

        long lastSeenSequence() {
            String id = history.get(history.size() - 1).connected.transport.parsed().lastEventId();
            return Cursor.parse(id).orElseThrow().sequence();
        }
    }

    private final class ConnectionModel {
        final Client.Connected connected;
        final String sessionId;
        final Set<Audience> streams;
        final Expected expected;
        final long start;
        final long headAtOpen;
        long endSequence = -1;

        ConnectionModel(
                Client.Connected connected,
                String sessionId,
                Set<Audience> streams,
                Expected expected,
                long start,
                long replayedThrough) {
            this.connected = connected;
            this.sessionId = sessionId;
            this.streams = streams;
            this.expected = expected;
            this.start = start;
            this.headAtOpen = replayedThrough;
        }

        /** The sequence of the last event received, or the start when none was. */
        long lastReceived() {
            List<WhatwgEventStreamParser.Event> events = connected.transport.parsed().events();
            if (events.size() <= 1) {
                return start;
            }
            String id = events.get(events.size() - 1).lastEventId();
            return Cursor.parse(id).orElseThrow().sequence();
        }

        String positionEpoch() {
            String id = connected.transport.parsed().events().get(0).lastEventId();
            return Cursor.parse(id).orElseThrow().epoch();
        }

        void verify() {
            WhatwgEventStreamParser parsed = connected.transport.parsed();
            List<WhatwgEventStreamParser.Event> events = parsed.events();
            assertThat(events)
                    .as(
                            "DEBUG open=%s end=%s writes=%s closes=%s text=%s",
                            connected.opened.connection().isOpen(),
                            endSequence,
                            connected.transport.writesStarted(),
                            connected.transport.closeCount(),
                            connected.transport.text())
                    .isNotEmpty();
            WhatwgEventStreamParser.Event first = events.get(0);
            assertThat(first.type()).isEqualTo("connected");
            ConnectedEvent told = ConnectedEvent.parse(first.data());
            assertThat(told.sessionId()).isEqualTo(sessionId);
            assertThat(told.reconnection()).as("reconnection").isEqualTo(expected.reconnection());
            assertThat(told.recovered()).as("recovered").isEqualTo(expected.recovered());
            assertThat(told.reason())
                    .as("reason")
                    .isEqualTo(expected.reason() == null ? null : expected.reason().wireName());
            assertThat(first.lastEventId()).isEqualTo(Cursor.format(epoch, start));
            assertThat(parsed.reconnectionTime()).isGreaterThanOrEqualTo(0);

            long end = endSequence >= 0 ? endSequence : head();
            List<Published> due =
                    published.stream()
                            .filter(p -> p.sequence() > start && p.sequence() <= end)
                            .filter(p -> streams.contains(p.stream()))
                            .toList();
            List<WhatwgEventStreamParser.Event> received = events.subList(1, events.size());
            assertThat(received)
                    .as("events after %d up to %d in %s", start, end, streams)
                    .containsExactlyElementsOf(
                            due.stream()
                                    .map(
                                            p ->
                                                    new WhatwgEventStreamParser.Event(
                                                            p.name(),
                                                            TextGenerators.normalizeLineBreaks(
                                                                    p.data()),
                                                            Cursor.format(epoch, p.sequence())))
                                    .toList());
            long replayed = due.stream().filter(p -> p.sequence() <= headAtOpen).count();
            assertThat((long) told.replayed()).as("replayed").isEqualTo(replayed);
        }
    }
}
