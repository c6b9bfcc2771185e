package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingWritesTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final ExecutorService pool = BlockingWrites.create(Thread::new);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aWriteNeverWaitsBehindOneThatIsBlocked() throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(2);
        for (int i = 0; i < 2; i++) {
            pool.execute(
                    () -> {
                        blocked.countDown();
                        await(release);
                    });
        }
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch next = new CountDownLatch(1);

        pool.execute(next::countDown);

        assertThat(next.await(5, TimeUnit.SECONDS)).as("ran beside the blocked ones").isTrue();
        assertThat(release.getCount()).isEqualTo(1);
    }

    @Test
    void refusesAWriteWhenTheFactoryGivesNoThreadSoTheCallerCanWriteItself() {
        ExecutorService stopping = BlockingWrites.create(task -> null);
        try {
            assertThatThrownBy(() -> stopping.execute(() -> {}))
                    .isInstanceOf(RejectedExecutionException.class);
        } finally {
            stopping.shutdownNow();
        }
    }

    @Test
    void refusesAWriteWhenTheFactoryThrowsAsAStoppingContainerDoes() {
        ExecutorService stopping =
                BlockingWrites.create(
                        task -> {
                            throw new IllegalStateException("stopping");
                        });
        try {
            assertThatThrownBy(() -> stopping.execute(() -> {}))
                    .isInstanceOf(RejectedExecutionException.class);
        } finally {
            stopping.shutdownNow();
        }
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
