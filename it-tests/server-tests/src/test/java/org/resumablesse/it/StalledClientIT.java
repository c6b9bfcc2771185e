package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * Clients that stop reading (a 2 KB receive buffer, never read) while 16 KB events go out: a client
 * that reads keeps receiving everything; the server's live heap grows by a bounded amount (history,
 * plus at most one write and the container's bounded buffer per stalled client), not by what the
 * stalled clients missed; each stalled one is closed once its writes make no progress for {@code
 * write-timeout}; and each recovers exactly when it comes back. Through the stream where the
 * container offers non-blocking I/O ({@code /sse/events}).
 */
@RunAsClient
class StalledClientIT extends ServerIT {

    private static final int STALLED = 20;
    private static final int EVENTS = 300;
    private static final int EVENT_BYTES = 16_000;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("stalled", "deployments/stalled.properties")
                .addClass(HeapProbe.class);
    }

    @Test
    void stalledClientsCostBoundedMemoryHoldNoOneUpAreClosedAndRecoverExactly() throws Exception {
        URI events = demo().base().resolve("sse/events");
        long heapBefore = heap();
        SseClient fast = streams.open(SseClient.to(events).label("fast"));
        Connected.await(fast);
        List<StalledSocket> stalled = new ArrayList<>();
        try {
            for (int i = 0; i < STALLED; i++) {
                stalled.add(StalledSocket.open(events));
            }
            String name = Names.unique("big");
            List<String> ids = new ArrayList<>();
            for (int i = 0; i < EVENTS; i++) {
                ids.add(demo().broadcast(name, i + " " + "x".repeat(EVENT_BYTES)));
            }

            assertEquals(
                    ids,
                    Sse.ids(fast.awaitEvents(named(name), EVENTS, Timeouts.seconds(60))),
                    "the client that reads gets every event, in order");
            long grown = heap() - heapBefore;
            long missedByStalled = (long) STALLED * EVENTS * EVENT_BYTES;
            assertTrue(
                    grown < 40L << 20,
                    () ->
                            "live heap grew by "
                                    + grown
                                    + " bytes; the stalled clients missed "
                                    + missedByStalled);
            awaitOnlyTheFastClientOpen();
            awaitReleasedByTheServer(events.getPort(), stalled);

            for (StalledSocket client : stalled) {
                SseClient back =
                        streams.open(
                                SseClient.to(events)
                                        .sessionCookie(client.token())
                                        .lastEventId(client.cursor())
                                        .label("back"));
                Connected connected = Connected.await(back);
                assertTrue(connected.recovered(), () -> "not recovered: " + connected);
                assertEquals(
                        ids, Sse.ids(back.awaitEvents(named(name), EVENTS, Timeouts.seconds(60))));
                back.close();
            }
        } finally {
            stalled.forEach(StalledSocket::close);
        }
    }

    /** The stalled streams are closed as write failures within write-timeout plus a heartbeat. */
    private void awaitOnlyTheFastClientOpen() {
        long deadline = System.nanoTime() + Timeouts.seconds(3 + 1 + 5).toNanos();
        String metrics = demo().applicationMetrics();
        while (System.nanoTime() < deadline) {
            metrics = demo().applicationMetrics();
            if (PrometheusText.sum(metrics, "resumablesse_connections_open") == 1) {
                return;
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
        }
        throw new AssertionError("stalled streams still open:\n" + metrics);
    }

    /**
     * The server has let go of each stalled connection's socket, not only of its stream: a client
     * that never reads cannot see that (the server's FIN waits behind unsent bytes), but the
     * kernel's table on this host shows the server's end leave ESTABLISHED or its process.
     */
    private static void awaitReleasedByTheServer(int serverPort, List<StalledSocket> stalled) {
        Set<Integer> ports = new HashSet<>();
        stalled.forEach(client -> ports.add(client.localPort()));
        long deadline = System.nanoTime() + Timeouts.seconds(3 + 1 + 5).toNanos();
        Set<Integer> held = TcpTable.heldByServer(serverPort, ports);
        while (!held.isEmpty() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(200));
            held = TcpTable.heldByServer(serverPort, ports);
        }
        assertEquals(Set.of(), held, "client ports whose server socket is still open");
    }

    private long heap() {
        DemoClient.Answer answer = demo().get(demo().base().resolve("api/test/heap"));
        assertEquals(200, answer.status(), answer::toString);
        return Long.parseLong(answer.body().trim());
    }
}
