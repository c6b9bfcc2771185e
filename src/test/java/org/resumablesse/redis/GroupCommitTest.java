package org.resumablesse.redis;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.Await;

/**
 * Group commit without Redis: the first caller commits alone and is held inside its commit while
 * others queue behind it (each waits, parked); then one of them commits the rest together.
 */
class GroupCommitTest {

    private final CountDownLatch firstEntered = new CountDownLatch(1);
    private final CountDownLatch releaseFirst = new CountDownLatch(1);
    private final List<List<String>> batches = Collections.synchronizedList(new ArrayList<>());
    private final List<Thread> threads = new ArrayList<>();

    @AfterEach
    void release() {
        releaseFirst.countDown();
        threads.forEach(Thread::interrupt);
    }

    /**
     * Commits by upper-casing; the first batch waits for the test, a batch holding "boom" fails.
     */
    private List<String> commit(List<String> items) {
        batches.add(List.copyOf(items));
        if (batches.size() == 1) {
            firstEntered.countDown();
            await(releaseFirst);
        }
        if (items.contains("boom")) {
            throw new IllegalStateException("Redis said no");
        }
        return items.stream().map(String::toUpperCase).toList();
    }

    private GroupCommit<String, String> commits(int maxItems, long maxWeight) {
        return new GroupCommit<>(this::commit, maxItems, maxWeight, String::length);
    }

    /** Submits on a thread of its own; returns its outcome (the result, or the exception). */
    private CompletableFuture<Object> submit(GroupCommit<String, String> group, String item) {
        CompletableFuture<Object> outcome = new CompletableFuture<>();
        Thread thread =
                new Thread(
                        () -> {
                            try {
                                outcome.complete(group.submit(item));
                            } catch (RuntimeException e) {
                                outcome.complete(e);
                            }
                        });
        threads.add(thread);
        thread.start();
        return outcome;
    }

    /** Submits the first item and the others while the first one's commit is held. */
    private List<CompletableFuture<Object>> submitBehindAHeldCommit(
            GroupCommit<String, String> group, String... items) {
        List<CompletableFuture<Object>> outcomes = new ArrayList<>();
        outcomes.add(submit(group, items[0]));
        await(firstEntered);
        for (int i = 1; i < items.length; i++) {
            outcomes.add(submit(group, items[i]));
            Thread queued = threads.get(i);
            Await.until(items[i] + " waits", () -> queued.getState() == Thread.State.WAITING);
        }
        releaseFirst.countDown();
        return outcomes;
    }

    @Test
    void aCallerAloneCommitsItsOwnItemAtOnce() {
        GroupCommit<String, String> group = commits(10, 1000);
        releaseFirst.countDown();

        assertThat(group.submit("a")).isEqualTo("A");
        assertThat(group.submit("b")).isEqualTo("B");
        assertThat(batches).containsExactly(List.of("a"), List.of("b"));
    }

    @Test
    void callersThatQueueMeanwhileShareOneCommitInQueueOrderAndEachGetsItsOwnResult()
            throws Exception {
        GroupCommit<String, String> group = commits(10, 1000);

        List<CompletableFuture<Object>> outcomes =
                submitBehindAHeldCommit(group, "a", "b", "c", "d");

        assertThat(outcomes(outcomes)).containsExactly("A", "B", "C", "D");
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c", "d"));
    }

    @Test
    void aFailedCommitFailsEveryCallerOfItsBatchAndNoOther() throws Exception {
        GroupCommit<String, String> group = commits(10, 1000);

        List<CompletableFuture<Object>> outcomes =
                submitBehindAHeldCommit(group, "a", "b", "boom", "d");

        List<Object> results = outcomes(outcomes);
        assertThat(results.get(0)).isEqualTo("A");
        assertThat(results.subList(1, 4))
                .allSatisfy(
                        e ->
                                assertThat(e)
                                        .asInstanceOf(
                                                org.assertj.core.api.InstanceOfAssertFactories
                                                        .THROWABLE)
                                        .isInstanceOf(IllegalStateException.class)
                                        .hasMessage("Redis said no"));
        assertThat(group.submit("e")).isEqualTo("E");
    }

    @Test
    void aBatchHoldsAtMostMaxItems() throws Exception {
        GroupCommit<String, String> group = commits(2, 1000);

        List<CompletableFuture<Object>> outcomes =
                submitBehindAHeldCommit(group, "a", "b", "c", "d", "e");

        assertThat(outcomes(outcomes)).containsExactly("A", "B", "C", "D", "E");
        assertThat(batches).containsExactly(List.of("a"), List.of("b", "c"), List.of("d", "e"));
    }

    @Test
    void aBatchStopsBeforeTheItemThatWouldPassMaxWeightButAlwaysHoldsOne() throws Exception {
        GroupCommit<String, String> group = commits(10, 4);

        List<CompletableFuture<Object>> outcomes =
                submitBehindAHeldCommit(group, "a", "bb", "cc", "ddddd", "e");

        assertThat(outcomes(outcomes)).containsExactly("A", "BB", "CC", "DDDDD", "E");
        assertThat(batches)
                .containsExactly(List.of("a"), List.of("bb", "cc"), List.of("ddddd"), List.of("e"));
    }

    private static List<Object> outcomes(List<CompletableFuture<Object>> futures)
            throws InterruptedException, ExecutionException, TimeoutException {
        List<Object> results = new ArrayList<>();
        for (CompletableFuture<Object> future : futures) {
            results.add(
                    future.get(
                            Await.scaled(Duration.ofSeconds(10)).toMillis(),
                            TimeUnit.MILLISECONDS));
        }
        return results;
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(
                    Await.scaled(Duration.ofSeconds(10)).toMillis(), TimeUnit.MILLISECONDS)) {
                throw new IllegalStateException("latch not released in time");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
