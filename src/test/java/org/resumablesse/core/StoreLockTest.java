package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.ServerEvent;

/**
 * The store's lock is held only while the store itself works: no transport call and no executor
 * submission ever happens under it, whoever publishes, reconnects or heartbeats meanwhile. (The
 * in-memory store locks on itself, so {@link Thread#holdsLock} tells.)
 */
class StoreLockTest {

    private final InMemoryEventStore store = new InMemoryEventStore(10_000, new SecureRandom());
    private final ExecutorService pool = Executors.newFixedThreadPool(3);
    private final AtomicInteger checked = new AtomicInteger();
    private final List<String> underLock = Collections.synchronizedList(new ArrayList<>());
    private SseEngine engine;

    @AfterEach
    void stop() {
        if (engine != null) {
            engine.close();
        }
        pool.shutdownNow();
    }

    @Test
    void noTransportCallAndNoExecutorSubmissionHappensUnderTheStoreLock() throws Exception {
        Executor checkingExecutor =
                task -> {
                    check("executor.execute");
                    pool.execute(task);
                };
        engine =
                TestEngines.started(
                        TestEngines.settings().build(),
                        store,
                        new MutableClock(0),
                        checkingExecutor);
        List<RecordingTransport> clients = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            clients.add(connect(i % 2 == 0 ? "news" : "sport"));
        }

        CompletableFuture<Void> news = publishing("news", 300);
        CompletableFuture<Void> broadcast = publishing(null, 300);
        RecordingTransport late = connect("news");
        engine.heartbeat();
        CompletableFuture.allOf(news, broadcast).get();
        engine.heartbeat();

        for (RecordingTransport client : clients) {
            Await.until("a client has its events", () -> client.events().size() >= 300);
        }
        engine.publish(ServerEvent.toTopic("news", "t", "last"));
        Await.until(
                "the late client is live",
                () -> late.events().stream().anyMatch(event -> event.data().equals("last")));
        engine.close();
        assertThat(checked.get()).isGreaterThan(20);
        assertThat(underLock).isEmpty();
    }

    private RecordingTransport connect(String topic) {
        RecordingTransport transport = new CheckingTransport();
        TestEngines.connect(engine, transport, topic);
        return transport;
    }

    private CompletableFuture<Void> publishing(String topic, int count) {
        return CompletableFuture.runAsync(
                () -> {
                    for (int i = 0; i < count; i++) {
                        engine.publish(
                                topic == null
                                        ? ServerEvent.broadcast("b", "" + i)
                                        : ServerEvent.toTopic(topic, "t", "" + i));
                    }
                },
                pool);
    }

    private void check(String what) {
        checked.incrementAndGet();
        if (Thread.holdsLock(store)) {
            underLock.add(what + " on " + Thread.currentThread().getName());
        }
    }

    /** Records like any client, checks the lock on every call, completes writes later. */
    private final class CheckingTransport extends RecordingTransport {
        @Override
        public void write(List<EventFrame> batch, Completion done) {
            check("transport.write");
            pool.execute(() -> super.write(batch, done));
        }

        @Override
        public boolean isOpen() {
            check("transport.isOpen");
            return super.isOpen();
        }

        @Override
        public void close() {
            check("transport.close");
            super.close();
        }
    }
}
