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
 * Events fired with {@code Event.fire} inside a JTA transaction reach clients only after the
 * commit, and never after a rollback; outside a transaction they are published at once and a
 * refusal reaches the caller of {@code fire}. {@link TransactionProbeResource} holds the
 * transactions open in the server. "Nothing arrived" is always checked after a marker event
 * published later has arrived on the same stream, so the stream was live while the event did not
 * come.
 */
@RunAsClient
class TransactionalPublishIT extends ServerIT {

    private static final int TOO_LARGE = 70_000;
    private static final String REJECTED_AFTER_COMMIT =
            "resumablesse_events_rejected_after_commit_total";

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("transactions", "deployments/transactions.properties")
                .addClass(TransactionProbeResource.class);
    }

    @Test
    void eventFiredInATransactionArrivesOnlyAfterTheCommit() {
        SseClient stream = streams.open(demo().stream().label("committed"));
        Connected.await(stream);
        String name = Names.unique("in-tx");

        open(name, name, 10);
        String marker =
                demo().broadcast(name + "-marker", "published while the transaction is open");
        stream.awaitEvent(named(name + "-marker"), Timeouts.DEFAULT);
        assertEquals(List.of(), stream.events(named(name)), "arrived before the commit");

        String ended = end("commit", name);
        assertTrue(ended.startsWith("committed\npublished "), ended);
        String id = ended.substring("committed\npublished ".length());
        assertEquals(id, stream.awaitEvent(named(name), Timeouts.DEFAULT).id());
        assertEquals(
                List.of(marker, id),
                Sse.ids(stream.events(named(name).or(named(name + "-marker")))));
    }

    @Test
    void eventFiredInATransactionThatRollsBackNeverArrives() {
        SseClient stream = streams.open(demo().stream().label("rolled-back"));
        Connected.await(stream);
        String name = Names.unique("rolled-back");

        open(name, name, 10);
        String ended = end("rollback", name);
        demo().broadcast(name + "-marker", "published after the rollback");

        stream.awaitEvent(named(name + "-marker"), Timeouts.DEFAULT);
        assertEquals(List.of(), stream.events(named(name)), "the rolled-back event arrived");
        assertTrue(ended.startsWith("rolled back\nrefused CancellationException"), ended);
    }

    @Test
    void eventRefusedAfterTheCommitIsCountedAndTheCommitStands() {
        SseClient stream = streams.open(demo().stream().label("refused-after-commit"));
        Connected.await(stream);
        String name = Names.unique("too-large-in-tx");
        double before = rejectedAfterCommit();

        open(name, name, TOO_LARGE);
        String ended = end("commit", name);
        demo().broadcast(name + "-marker", "published after the commit");

        assertTrue(ended.startsWith("committed\nrefused EventRejectedException TOO_LARGE"), ended);
        assertEquals(before + 1, rejectedAfterCommit());
        stream.awaitEvent(named(name + "-marker"), Timeouts.DEFAULT);
        assertEquals(List.of(), stream.events(named(name)));
    }

    @Test
    void outsideATransactionFireThrowsTheRefusalAndPublishesAtOnce() {
        SseClient stream = streams.open(demo().stream().label("no-tx"));
        Connected.await(stream);
        String name = Names.unique("no-tx");

        DemoClient.Answer refused = probe("fire", Map.of("name", name, "size", "" + TOO_LARGE));
        DemoClient.Answer fired = probe("fire", Map.of("name", name, "size", "10"));

        assertEquals(400, refused.status(), refused::toString);
        assertTrue(
                refused.body().startsWith("fire threw EventRejectedException TOO_LARGE"),
                refused::toString);
        assertEquals(200, fired.status(), fired::toString);
        assertTrue(fired.body().startsWith("published "), fired::toString);
        String id = fired.body().substring("published ".length());
        assertEquals(List.of(id), Sse.ids(stream.awaitEvents(named(name), 1, Timeouts.DEFAULT)));
    }

    /** Begins a transaction in the server that fires one broadcast event and stays open. */
    private void open(String key, String name, int size) {
        DemoClient.Answer answer =
                probe("open", Map.of("key", key, "name", name, "size", Integer.toString(size)));
        assertEquals(200, answer.status(), answer::toString);
    }

    /** Commits or rolls back; returns the outcome and the event's receipt at that moment. */
    private String end(String how, String key) {
        DemoClient.Answer answer = probe(how, Map.of("key", key));
        assertEquals(200, answer.status(), answer::toString);
        return answer.body();
    }

    private DemoClient.Answer probe(String action, Map<String, String> query) {
        StringBuilder path = new StringBuilder("api/probe/tx/" + action + "?");
        query.forEach((k, v) -> path.append(k).append('=').append(v).append('&'));
        return demo().post(path.toString(), Map.of());
    }

    /** The counter's sum; it must exist (registered for every reason at deployment). */
    private double rejectedAfterCommit() {
        String metrics = demo().applicationMetrics();
        assertTrue(PrometheusText.names(metrics).contains(REJECTED_AFTER_COMMIT), metrics);
        return PrometheusText.sum(metrics, REJECTED_AFTER_COMMIT);
    }
}
