package org.resumablesse.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.resumablesse.Audience;
import org.resumablesse.testkit.Theories;

/**
 * What every {@link EventStore} promises. A store implementation extends this class and supplies
 * {@link #newStore(int)}; the JUnit tests and the property (QuickTheories, through {@link
 * Theories}) then run against it.
 *
 * <p>Times passed to the store are arbitrary epoch milliseconds: the store must only compare them.
 */
public abstract class EventStoreContract {

    protected static final Audience BROADCAST = Audience.everyone();
    protected static final Audience NEWS = Audience.topic("news");
    protected static final Audience SPORT = Audience.topic("sport");
    protected static final Audience ALICE = Audience.user("alice");
    protected static final Audience SESSION = Audience.session("AAAAAAAAAAAAAAAAAAAAAA");
    protected static final Audience OTHER_SESSION = Audience.session("BBBBBBBBBBBBBBBBBBBBBB");

    private final List<EventStore> opened = new ArrayList<>();

    /**
     * A new, empty store that keeps {@code capacity} events per stream, with a fresh epoch.
     *
     * @param capacity one or more
     */
    protected abstract EventStore newStore(int capacity);

    private EventStore store(int capacity) {
        EventStore store = newStore(capacity);
        opened.add(store);
        return store;
    }

    @AfterEach
    void closeStores() {
        opened.forEach(EventStore::close);
        opened.clear();
    }

    @Test
    void numbersAppendsFromOneUpByOneAcrossStreams() {
        EventStore store = store(10);
        assertThat(store.head()).isZero();

        StoredEvent first = store.append(NEWS, "a", "1", 100);
        StoredEvent second = store.append(BROADCAST, "b", "2", 101);
        StoredEvent third = store.append(SESSION, "c", "3", 102);

        assertThat(List.of(first, second, third))
                .extracting(StoredEvent::sequence)
                .containsExactly(1L, 2L, 3L);
        assertThat(store.head()).isEqualTo(3);
        assertThat(third.epoch()).isEqualTo(store.epoch());
        assertThat(third.stream()).isEqualTo(SESSION);
        assertThat(third.name()).isEqualTo("c");
        assertThat(third.data()).isEqualTo("3");
        assertThat(third.timeMillis()).isEqualTo(102);
    }

    @Test
    void namesItsEpochWith16LowercaseHexDigitsAndChangesItForANewStore() {
        EventStore store = store(1);

        assertThat(store.epoch()).matches("[0-9a-f]{16}");
        assertThat(store(1).epoch()).isNotEqualTo(store.epoch());
    }

    @Test
    void readsEveryEventAfterThePositionInGlobalOrderFromTheAskedStreamsOnly() {
        EventStore store = store(10);
        store.append(NEWS, "n", "1", 1);
        store.append(SPORT, "s", "2", 2);
        store.append(BROADCAST, "b", "3", 3);
        store.append(NEWS, "n", "4", 4);
        store.append(ALICE, "u", "5", 5);

        History history = store.readAfter(Set.of(NEWS, BROADCAST, ALICE), 1);

        assertThat(history.complete()).isTrue();
        assertThat(history.head()).isEqualTo(5);
        assertThat(history.events()).extracting(StoredEvent::sequence).containsExactly(3L, 4L, 5L);
    }

    @Test
    void readsNothingAfterTheHeadOrFromAStreamThatNeverHadEvents() {
        EventStore store = store(10);
        store.append(NEWS, "n", "1", 1);

        assertThat(store.readAfter(Set.of(NEWS), 1)).isEqualTo(new History(List.of(), true, 1));
        assertThat(store.readAfter(Set.of(SPORT), 0)).isEqualTo(new History(List.of(), true, 1));
    }

    @Test
    void keepsAtMostItsCapacityPerStreamAndSaysSoWhenAReadReachesADroppedEvent() {
        EventStore store = store(3);
        for (int i = 1; i <= 5; i++) {
            store.append(NEWS, "n", "" + i, i);
        }
        store.append(SPORT, "s", "6", 6);

        assertThat(store.stats().events()).isEqualTo(4);
        assertThat(store.readAfter(Set.of(NEWS), 1).complete()).isFalse();
        assertThat(store.readAfter(Set.of(NEWS, SPORT), 1)).isEqualTo(History.incomplete(6));
        History fromTwo = store.readAfter(Set.of(NEWS, SPORT), 2);
        assertThat(fromTwo.complete()).isTrue();
        assertThat(fromTwo.events())
                .extracting(StoredEvent::sequence)
                .containsExactly(3L, 4L, 5L, 6L);
    }

    @Test
    void anOverflowInAStreamNotAskedForDoesNotSpoilARead() {
        EventStore store = store(1);
        store.append(SPORT, "s", "1", 1);
        store.append(NEWS, "n", "2", 2);
        store.append(SPORT, "s", "3", 3);

        assertThat(store.readAfter(Set.of(NEWS), 0).events())
                .extracting(StoredEvent::sequence)
                .containsExactly(2L);
    }

    @Test
    void tellsTheListenerOfEveryAppendOnceWhenItAndEveryEarlierEventAreReadable() throws Exception {
        int threads = 4;
        int perThread = 500;
        EventStore store = store(threads * perThread);
        Set<Audience> all = new HashSet<>();
        Set<Long> seen = ConcurrentHashMap.newKeySet();
        List<String> faults = Collections.synchronizedList(new ArrayList<>());
        store.setAppendListener(
                event -> {
                    if (!seen.add(event.sequence())) {
                        faults.add("told twice of " + event.sequence());
                    }
                    List<StoredEvent> readable = store.readAfter(all, 0).events();
                    int index = (int) event.sequence() - 1;
                    if (readable.size() <= index
                            || readable.get(index).sequence() != event.sequence()) {
                        faults.add("told of " + event.sequence() + " before it was readable");
                    }
                });
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Audience stream = t % 2 == 0 ? NEWS : Audience.topic("t" + t);
            all.add(stream);
        }
        for (int t = 0; t < threads; t++) {
            Audience stream = t % 2 == 0 ? NEWS : Audience.topic("t" + t);
            done.add(
                    pool.submit(
                            () -> {
                                start.await();
                                for (int i = 0; i < perThread; i++) {
                                    store.append(stream, "e", "d", i);
                                }
                                return null;
                            }));
        }
        start.countDown();
        for (Future<?> future : done) {
            future.get(scaledSeconds(30), TimeUnit.SECONDS);
        }
        pool.shutdown();

        assertThat(faults).isEmpty();
        assertThat(seen).hasSize(threads * perThread);
        assertThat(Collections.max(seen)).isEqualTo((long) threads * perThread);
    }

    /**
     * The listener may publish, read or write to clients: while it runs, the store serves other
     * threads. Another thread's append from inside the listener completes; it would wait for ever
     * if the store's lock were held.
     */
    @Test
    void callsTheListenerOutsideTheStoresLock() throws Exception {
        EventStore store = store(5);
        List<Long> appendedMeanwhile = Collections.synchronizedList(new ArrayList<>());
        ExecutorService other = Executors.newSingleThreadExecutor();
        try {
            store.setAppendListener(
                    event -> {
                        if (event.sequence() == 1) {
                            try {
                                appendedMeanwhile.add(
                                        other.submit(() -> store.append(NEWS, "n", "2", 2))
                                                .get(scaledSeconds(5), TimeUnit.SECONDS)
                                                .sequence());
                            } catch (Exception e) {
                                appendedMeanwhile.add(-1L);
                            }
                        }
                    });

            store.append(NEWS, "n", "1", 1);

            assertThat(appendedMeanwhile).containsExactly(2L);
        } finally {
            other.shutdownNow();
        }
    }

    /** A timeout stretched by {@code resumablesse.test.timeout-factor} for slow machines. */
    private static long scaledSeconds(long seconds) {
        String factor = System.getProperty("resumablesse.test.timeout-factor", "1");
        try {
            return (long) Math.ceil(seconds * Math.max(1, Double.parseDouble(factor.trim())));
        } catch (NumberFormatException e) {
            return seconds;
        }
    }

    @Test
    void aReadMadeAfterTheListenerSawAnEventIncludesIt() {
        EventStore store = store(5);
        List<StoredEvent> seen = new ArrayList<>();
        store.setAppendListener(seen::add);

        store.append(NEWS, "n", "1", 1);

        assertThat(store.readAfter(Set.of(NEWS), 0).events()).containsExactlyElementsOf(seen);
    }

    @Test
    void aRemovedStreamReadsAsGoneForOlderCursorsButWorksWhenCreatedAgain() {
        EventStore store = store(10);
        store.append(SESSION, "x", "1", 1);
        store.append(SESSION, "x", "2", 2);
        store.append(OTHER_SESSION, "x", "3", 3);

        store.removeStream(SESSION);

        assertThat(store.readAfter(Set.of(SESSION), 0).complete()).isFalse();
        assertThat(store.readAfter(Set.of(SESSION), 1).complete()).isFalse();
        assertThat(store.readAfter(Set.of(SESSION), 2)).isEqualTo(new History(List.of(), true, 3));
        assertThat(store.readAfter(Set.of(OTHER_SESSION), 0).events()).hasSize(1);
        assertThat(store.stats().events()).isEqualTo(1);

        StoredEvent again = store.append(SESSION, "x", "4", 4);

        assertThat(store.readAfter(Set.of(SESSION), 2).events()).containsExactly(again);
        assertThat(store.readAfter(Set.of(SESSION), 1).complete()).isFalse();
    }

    @Test
    void removesOnlyIdleUnfollowedTopicUserAndSessionStreamsAndNeverTheBroadcast() {
        EventStore store = store(10);
        store.append(BROADCAST, "b", "1", 10);
        store.append(NEWS, "n", "2", 10);
        store.append(SPORT, "s", "3", 10);
        store.append(ALICE, "u", "4", 10);
        store.append(SESSION, "x", "5", 10);
        store.append(OTHER_SESSION, "x", "6", 10);
        store.append(Audience.topic("fresh"), "f", "7", 500);

        int removed =
                store.removeIdleStreams(
                        100, stream -> stream.equals(SPORT) || stream.equals(OTHER_SESSION));

        assertThat(removed).isEqualTo(3);
        assertThat(store.stats().streams()).isEqualTo(4);
        assertThat(store.stats().events()).isEqualTo(4);
        for (Audience gone : List.of(NEWS, ALICE, SESSION)) {
            assertThat(store.readAfter(Set.of(gone), 0).complete()).as("%s", gone).isFalse();
        }
        assertThat(store.readAfter(Set.of(BROADCAST, SPORT, OTHER_SESSION), 0).events())
                .extracting(StoredEvent::sequence)
                .containsExactly(1L, 3L, 6L);
    }

    @Test
    void keepsAStreamWithAnAppendSinceTheIdleLimit() {
        EventStore store = store(10);
        store.append(NEWS, "n", "1", 100);

        assertThat(store.removeIdleStreams(100, stream -> false)).isZero();
        assertThat(store.readAfter(Set.of(NEWS), 0).events()).hasSize(1);
    }

    @Test
    void remembersRemovalsSoLaterReadsStillSeeTheGap() {
        EventStore store = store(10);
        store.append(NEWS, "n", "1", 10);
        store.append(SESSION, "x", "2", 10);
        store.removeStream(SESSION);
        assertThat(store.removeIdleStreams(100, stream -> false)).isEqualTo(1);

        store.removeIdleStreams(1_000_000, stream -> false);
        store.removeIdleStreams(2_000_000, stream -> false);

        assertThat(store.readAfter(Set.of(NEWS), 0).complete()).isFalse();
        assertThat(store.readAfter(Set.of(SESSION), 1).complete()).isFalse();
        assertThat(store.readAfter(Set.of(NEWS), 1)).isEqualTo(new History(List.of(), true, 2));
        assertThat(store.readAfter(Set.of(SESSION), 2)).isEqualTo(new History(List.of(), true, 2));
    }

    @Test
    void countsRetainedEventsAndAtLeastTheUtf8BytesOfTheirNamesAndData() {
        EventStore store = store(2);
        store.append(NEWS, "n", "\u00e9", 1);
        store.append(NEWS, "nn", "\u20ac", 2);
        store.append(SPORT, "s", "\uD83D\uDE00", 3);

        EventStore.StoreStats three = store.stats();
        assertThat(three.events()).isEqualTo(3);
        assertThat(three.streams()).isEqualTo(2);
        assertThat(three.bytes()).isGreaterThanOrEqualTo(3 + 5 + 5);

        store.append(NEWS, "n", "x".repeat(1000), 4);

        assertThat(store.stats().events()).as("news trimmed to 2").isEqualTo(3);
        assertThat(store.stats().bytes()).isGreaterThanOrEqualTo(three.bytes() + 990);

        store.removeStream(NEWS);
        store.removeStream(SPORT);

        assertThat(store.stats()).isEqualTo(new EventStore.StoreStats(0, 0, 0));
    }

    @Test
    void closesMoreThanOnceWithoutComplaint() {
        EventStore store = store(1);
        store.close();

        assertThatCode(store::close).doesNotThrowAnyException();
    }

    /**
     * The replay invariant at the store: a read gives exactly the followed streams' events after
     * the position, in order, or says that one of them lost an event after it (dropped by capacity
     * or removed). The model keeps every append.
     */
    @Test
    void readsMatchAModelThatKeepsEveryAppend() {
        Theories.check(300, Generate.range(1, 6), operations(), this::readsMatchTheModel);
    }

    private void readsMatchTheModel(int capacity, List<Operation> operations) {
        EventStore store = newStore(capacity);
        try {
            Model model = new Model(capacity);
            List<StoredEvent> heard = new ArrayList<>();
            store.setAppendListener(heard::add);
            for (Operation operation : operations) {
                switch (operation.kind()) {
                    case APPEND -> {
                        StoredEvent event =
                                store.append(operation.stream(), "e", "d" + model.head, model.head);
                        model.append(operation.stream(), event.sequence());
                    }
                    case REMOVE -> {
                        store.removeStream(operation.stream());
                        model.remove(operation.stream());
                    }
                    case READ -> {
                        long cursor = Math.min(operation.cursor(), model.head);
                        History history = store.readAfter(operation.followed(), cursor);
                        assertThat(history.head()).isEqualTo(model.head);
                        assertThat(history.complete())
                                .as("complete after %d of %s", cursor, operation.followed())
                                .isEqualTo(model.complete(operation.followed(), cursor));
                        if (history.complete()) {
                            assertThat(history.events())
                                    .extracting(StoredEvent::sequence)
                                    .isEqualTo(model.after(operation.followed(), cursor));
                        } else {
                            assertThat(history.events()).isEmpty();
                        }
                    }
                }
            }
            assertThat(heard).extracting(StoredEvent::sequence).isEqualTo(model.all());
            assertThat(store.stats().events()).isEqualTo(model.retained());
        } finally {
            store.close();
        }
    }

    enum OperationKind {
        APPEND,
        REMOVE,
        READ
    }

    record Operation(OperationKind kind, Audience stream, Set<Audience> followed, long cursor) {}

    private static final List<Audience> STREAMS =
            List.of(BROADCAST, NEWS, SPORT, ALICE, SESSION, OTHER_SESSION);

    private static Gen<List<Operation>> operations() {
        Gen<Audience> stream = Generate.pick(STREAMS);
        Gen<Operation> append =
                stream.map(s -> new Operation(OperationKind.APPEND, s, Set.of(), 0));
        Gen<Operation> remove =
                Generate.pick(List.of(NEWS, ALICE, SESSION, OTHER_SESSION))
                        .map(s -> new Operation(OperationKind.REMOVE, s, Set.of(), 0));
        Gen<Operation> read =
                Theories.setOf(stream, 1, 4)
                        .zip(
                                Generate.longRange(0, 60),
                                (followed, cursor) ->
                                        new Operation(OperationKind.READ, null, followed, cursor));
        return Theories.listOf(
                Theories.weighted(
                        Theories.weight(10, append),
                        Theories.weight(1, remove),
                        Theories.weight(4, read)),
                0,
                60);
    }

    /** Every append ever made, and for each whether the store may still hold it. */
    private static final class Model {
        private final int capacity;
        private final Map<Long, Audience> streamOf = new LinkedHashMap<>();
        private final Map<Audience, List<Long>> retained = new LinkedHashMap<>();
        private final Set<Long> lost = new HashSet<>();
        long head;

        Model(int capacity) {
            this.capacity = capacity;
        }

        void append(Audience stream, long sequence) {
            head++;
            assertThat(sequence).isEqualTo(head);
            streamOf.put(sequence, stream);
            List<Long> kept = retained.computeIfAbsent(stream, key -> new ArrayList<>());
            kept.add(sequence);
            if (kept.size() > capacity) {
                lost.add(kept.remove(0));
            }
        }

        void remove(Audience stream) {
            List<Long> kept = retained.remove(stream);
            if (kept != null) {
                lost.addAll(kept);
            }
        }

        boolean complete(Set<Audience> followed, long cursor) {
            return lost.stream()
                    .noneMatch(seq -> seq > cursor && followed.contains(streamOf.get(seq)));
        }

        List<Long> after(Set<Audience> followed, long cursor) {
            return streamOf.entrySet().stream()
                    .filter(e -> e.getKey() > cursor && followed.contains(e.getValue()))
                    .map(Map.Entry::getKey)
                    .toList();
        }

        List<Long> all() {
            return List.copyOf(streamOf.keySet());
        }

        long retained() {
            return retained.values().stream().mapToLong(List::size).sum();
        }
    }
}
