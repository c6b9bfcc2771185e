package org.resumablesse.it;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Many new visitors at once: {@code GET}s of the stream without cookie, token or cursor, from
 * several threads, alternating between the given stream URIs. Each thread keeps every admitted
 * stream open while it sends its next few requests, then resets it, so that the visitors hold more
 * sessions at once than {@code max-sessions} allows, and their sessions keep expiring. Every answer
 * must be {@link DocumentedAnswer#admitted()} or {@link DocumentedAnswer#refusedForAWhile} (the
 * limits {@code max-sessions} and {@code max-new-sessions-per-address}). Meanwhile the number of
 * sessions the server holds is read every 250 ms ({@link SessionCountResource}), for the most it
 * held. Not thread-safe: one test runs it once.
 */
final class CookieLessBurst {

    private static final int THREADS = 32;
    private static final int HELD_PER_THREAD = 10;
    private static final DocumentedAnswer ADMITTED = DocumentedAnswer.admitted();
    private static final DocumentedAnswer EXPECTED =
            ADMITTED.or(
                    DocumentedAnswer.refusedForAWhile(
                            "max-sessions", "max-new-sessions-per-address"));

    private final DemoClient demo;
    private final List<URI> paths;
    private final AtomicInteger admitted = new AtomicInteger();
    private final AtomicInteger full = new AtomicInteger();
    private final AtomicInteger sent = new AtomicInteger();
    private final AtomicLong mostSessions = new AtomicLong();
    private final AtomicInteger samples = new AtomicInteger();
    private final Queue<String> undocumented = new ConcurrentLinkedQueue<>();

    CookieLessBurst(DemoClient demo, List<URI> paths) {
        this.demo = demo;
        this.paths = paths;
    }

    /**
     * Sends {@code connects} requests; calls {@code beat} on the caller's behalf after every {@code
     * beatEvery} of them (from one of the burst's threads).
     */
    void run(int connects, int beatEvery, Runnable beat) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(THREADS);
        ScheduledExecutorService sampler = Executors.newSingleThreadScheduledExecutor();
        try {
            sampler.scheduleWithFixedDelay(this::sample, 0, 250, TimeUnit.MILLISECONDS);
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                done.add(threads.submit(() -> visit(connects, beatEvery, beat)));
            }
            Duration limit = Timeouts.seconds(240);
            for (Future<?> thread : done) {
                thread.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            }
        } finally {
            threads.shutdownNow();
            sampler.shutdownNow();
        }
        sample();
    }

    private void visit(int connects, int beatEvery, Runnable beat) {
        Deque<Optional<RawResponse>> held = new ArrayDeque<>();
        try {
            for (int n = sent.getAndIncrement(); n < connects; n = sent.getAndIncrement()) {
                // Each admitted stream stays open for this thread's next HELD_PER_THREAD requests.
                if (held.size() == HELD_PER_THREAD) {
                    held.removeFirst().ifPresent(RawResponse::reset);
                }
                RawResponse response = RawResponse.send(RawRequest.get(paths.get(n % 2)));
                Probe probe = Probe.read(response);
                if (!EXPECTED.matches(probe)) {
                    undocumented.add(probe.toString());
                }
                if (ADMITTED.matches(probe)) {
                    admitted.incrementAndGet();
                    held.addLast(Optional.of(response));
                } else {
                    full.incrementAndGet();
                    response.reset();
                    held.addLast(Optional.empty());
                }
                if ((n + 1) % beatEvery == 0) {
                    beat.run();
                }
            }
        } finally {
            held.forEach(response -> response.ifPresent(RawResponse::reset));
        }
    }

    private void sample() {
        long sessions;
        try {
            DemoClient.Answer answer = demo.get(demo.base().resolve("api/probe/sessions"));
            if (answer.status() != 200) {
                return;
            }
            sessions = Long.parseLong(answer.body().trim());
        } catch (RuntimeException | AssertionError e) {
            // A sample the loaded server did not answer: the next one counts.
            return;
        }
        mostSessions.accumulateAndGet(sessions, Math::max);
        samples.incrementAndGet();
    }

    /** How many metric samples the server answered. */
    int samples() {
        return samples.get();
    }

    int admitted() {
        return admitted.get();
    }

    int full() {
        return full.get();
    }

    /** The most sessions the metrics showed at once. */
    long mostSessions() {
        return mostSessions.get();
    }

    /** The answers that were neither documented one, up to the first few. */
    List<String> undocumented() {
        return undocumented.stream().limit(5).toList();
    }

    int undocumentedCount() {
        return undocumented.size();
    }
}
