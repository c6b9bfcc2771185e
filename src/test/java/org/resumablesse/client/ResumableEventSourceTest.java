package org.resumablesse.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The reconnection logic against a fake connector and a scheduler the test runs by hand. */
class ResumableEventSourceTest {

    private static final String EPOCH = "9f2c41d07ab3e865-";
    private static final String RECOVERED =
            "{\"sessionId\":\"s1\",\"reconnection\":true,\"recovered\":true,\"replayed\":0}";
    private static final String FRESH =
            "{\"sessionId\":\"s1\",\"reconnection\":false,\"recovered\":false,\"replayed\":0}";

    private final FakeConnector connector = new FakeConnector();
    private final ManualScheduler scheduler = new ManualScheduler();
    private final List<ResumableEvent> events = new ArrayList<>();
    private final List<ConnectedStatus> statuses = new ArrayList<>();
    private final List<Throwable> disconnects = new ArrayList<>();

    private final AtomicLong nanos = new AtomicLong();

    private ResumableEventSource source(String storedCursor, String storedToken) {
        return source(storedCursor, storedToken, 0);
    }

    private ResumableEventSource source(String storedCursor, String storedToken, long idleMillis) {
        return new ResumableEventSource(
                connector,
                new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), n -> n),
                scheduler,
                List.of("news"),
                storedCursor,
                storedToken,
                new Handlers(events::add, statuses::add, disconnects::add),
                idleMillis,
                nanos::get);
    }

    private static String id(int sequence) {
        return EPOCH + String.format("%019d", sequence);
    }

    @Test
    void reconnectsWithTheLastEventIdAndTheIssuedTokenAfterAStreamEnds() {
        ResumableEventSource source = source(null, null);
        source.open();
        scheduler.runPending();
        connector.last().connected("token-1", id(3), FRESH).event("price", id(5), "12.5");

        connector.last().listener.ended(null);
        assertThat(scheduler.lastDelay()).as("the server's retry").isEqualTo(1500);
        scheduler.runPending();

        StreamConnector.Request again = connector.last().request;
        assertThat(again.headerCursor()).isEqualTo(id(5));
        assertThat(again.queryCursor()).isNull();
        assertThat(again.token()).isEqualTo("token-1");
        assertThat(again.topics()).containsExactly("news");
        assertThat(connector.attempts.get(0).closed).isTrue();
        assertThat(events).containsExactly(new ResumableEvent("price", id(5), "12.5"));
        assertThat(disconnects).hasSize(1);
    }

    @Test
    void anInBandRefusalIsRetriedNoSoonerThanItsHintAndReportedWithItsReason() {
        ResumableEventSource source = source(null, null);
        source.open();
        scheduler.runPending();
        connector.last().listener.response(200, null, -1);
        connector
                .last()
                .listener
                .event("refused", null, "{\"reason\":\"max-sessions\",\"retry\":12000}", 12_000);
        connector.last().listener.ended(null);

        assertThat(scheduler.lastDelay()).as("past the backoff's 10 s ceiling").isEqualTo(12_000);
        assertThat(events).isEmpty();
        assertThat(disconnects)
                .singleElement()
                .isInstanceOfSatisfying(
                        StreamRefusedException.class,
                        e -> {
                            assertThat(e.reason()).isEqualTo("max-sessions");
                            assertThat(e.status()).isEqualTo(200);
                        });
        scheduler.runPending();
        connector.last().connected("t", id(1), FRESH);
        connector.last().listener.ended(null);
        assertThat(scheduler.lastDelay()).as("the usual delay once let in").isEqualTo(1500);
        assertThat(disconnects.get(1)).isNull();
    }

    @Test
    void startsFromAStoredCursorAsTheQueryParameterOfTheFirstRequestOnly() {
        ResumableEventSource source = source(id(7), "stored-token");
        source.open();
        scheduler.runPending();

        StreamConnector.Request first = connector.last().request;
        assertThat(first.queryCursor()).isEqualTo(id(7));
        assertThat(first.headerCursor()).isNull();
        assertThat(first.token()).isEqualTo("stored-token");

        connector.last().connected(null, id(7), RECOVERED).event("n", id(9), "x");
        connector.last().listener.ended(null);
        scheduler.runPending();

        StreamConnector.Request second = connector.last().request;
        assertThat(second.queryCursor()).isNull();
        assertThat(second.headerCursor()).isEqualTo(id(9));
        assertThat(second.token()).as("kept when no new cookie came").isEqualTo("stored-token");
        assertThat(statuses.get(0).recovered()).isTrue();
    }

    @Test
    void dropsWhatAnEndedAttemptStillDelivers() {
        ResumableEventSource source = source(null, null);
        source.open();
        scheduler.runPending();
        FakeConnector.Attempt first = connector.last().connected("t", id(1), FRESH);
        first.listener.ended(null);

        first.event("late", id(2), "from the old connection");
        first.listener.ended(null);

        assertThat(events).isEmpty();
        assertThat(source.lastEventId()).isEqualTo(id(1));
        assertThat(disconnects).as("one end per attempt").hasSize(1);
    }

    @Test
    void backsOffExponentiallyWhileAttemptsFailAndResetsOnceConnected() {
        ResumableEventSource source = source(null, null);
        source.open();
        for (int i = 0; i < 4; i++) {
            scheduler.runPending();
            connector.last().listener.response(502, null, -1);
            connector.last().listener.ended(new StreamRefusedException(502));
        }
        List<Long> failedDelays = List.copyOf(scheduler.delays);
        scheduler.runPending();
        connector.last().connected("t", id(1), FRESH);
        connector.last().listener.ended(null);

        // Each failure schedules the close of its attempt (0) and the next attempt.
        assertThat(failedDelays).containsExactly(0L, 0L, 1000L, 0L, 2000L, 0L, 4000L, 0L, 8000L);
        assertThat(scheduler.lastDelay()).isEqualTo(1500);
    }

    @Test
    void waitsAtLeastTheRetryAfterOfARefusal() {
        ResumableEventSource source = source(null, null);
        source.open();
        scheduler.runPending();

        connector.last().listener.response(503, null, 30_000);
        connector.last().listener.ended(new StreamRefusedException(503));

        assertThat(scheduler.lastDelay()).isEqualTo(30_000);
        assertThat(((StreamRefusedException) disconnects.get(0)).status()).isEqualTo(503);
    }

    @Test
    void aTokenFromARefusedResponseIsNotAdopted() {
        ResumableEventSource source = source(null, "kept");
        source.open();
        scheduler.runPending();

        connector.last().listener.response(429, "other", -1);

        assertThat(source.sessionToken()).isEqualTo("kept");
    }

    @Test
    void closeEndsTheAttemptAndNoLaterAttemptIsMade() {
        ResumableEventSource source = source(null, null);
        source.open();
        scheduler.runPending();
        FakeConnector.Attempt first = connector.last().connected("t", id(1), FRESH);
        first.listener.ended(null);

        source.close();
        scheduler.runPending();
        first.event("late", id(2), "x");

        assertThat(connector.attempts).hasSize(1);
        assertThat(first.closed).isTrue();
        assertThat(connector.closed).isTrue();
        assertThat(scheduler.closed).isTrue();
        assertThat(events).isEmpty();
        assertThat(source.isConnected()).isFalse();
    }

    @Test
    void aBareRetryHintChangesTheDelayButNotTheCursor() {
        ResumableEventSource source = source(null, null);
        source.open();
        scheduler.runPending();
        connector.last().connected("t", id(1), FRESH);

        connector.last().listener.event("message", null, "", 3712);
        connector.last().listener.ended(null);

        assertThat(source.lastEventId()).isEqualTo(id(1));
        assertThat(scheduler.lastDelay()).isEqualTo(3712);
    }

    @Test
    void aThrowingHandlerDoesNotStopTheStream() {
        ResumableEventSource source =
                new ResumableEventSource(
                        connector,
                        new Backoff(Duration.ofMillis(500), Duration.ofSeconds(10), n -> n),
                        scheduler,
                        List.of(),
                        null,
                        null,
                        new Handlers(
                                event -> {
                                    throw new IllegalStateException("boom");
                                },
                                statuses::add,
                                disconnects::add),
                        0,
                        nanos::get);
        source.open();
        scheduler.runPending();
        connector.last().connected("t", id(1), FRESH).event("a", id(2), "x").event("b", id(3), "y");

        assertThat(source.lastEventId()).isEqualTo(id(3));
        assertThat(source.isConnected()).isTrue();
    }

    @Test
    void replacesAConnectionThatReceivedNothingForTheIdleTimeout() {
        ResumableEventSource source = source(null, null, 1000);
        source.open();
        scheduler.runPending();
        connector.last().connected("t", id(1), FRESH);
        assertThat(scheduler.lastDelay()).as("the idle check").isEqualTo(1000);

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(1000));
        scheduler.runPending();

        assertThat(disconnects).hasSize(1);
        assertThat(disconnects.get(0)).hasMessageContaining("nothing received");
        assertThat(scheduler.lastDelay()).as("then the server's retry").isEqualTo(1500);
        scheduler.runPending();
        assertThat(connector.attempts).hasSize(2);
        assertThat(connector.last().request.headerCursor()).isEqualTo(id(1));
    }

    @Test
    void anyBytesReceivedPostponeTheIdleCheck() {
        ResumableEventSource source = source(null, null, 1000);
        source.open();
        scheduler.runPending();
        connector.last().connected("t", id(1), FRESH);

        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(600));
        connector.last().listener.activity();
        nanos.addAndGet(TimeUnit.MILLISECONDS.toNanos(400));
        scheduler.runPending();

        assertThat(disconnects).isEmpty();
        assertThat(scheduler.lastDelay())
                .as("checks again when 1000 ms may have passed")
                .isEqualTo(600);
        assertThat(source.isConnected()).isTrue();
    }
}
