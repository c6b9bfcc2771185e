package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BlockingWritesTest {

    private final CountDownLatch release = new CountDownLatch(1);
    private final BlockingWrites pool = new BlockingWrites(Thread::new, 1);

    @AfterEach
    void stop() {
        release.countDown();
        pool.shutdownNow();
    }

    @Test
    void aWriteQueuedBehindABlockedOneGetsAThreadOnceThePoolHasMadeNoProgress()
            throws InterruptedException {
        CountDownLatch blocked = new CountDownLatch(1);
        pool.execute(
                () -> {
                    blocked.countDown();
                    await(release);
                });
        assertThat(blocked.await(5, TimeUnit.SECONDS)).isTrue();
        CountDownLatch next = new CountDownLatch(1);
        pool.execute(next::countDown);

        // Later submissions (in the module: other connections' writes, heartbeats) find it stuck.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (next.getCount() > 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(BlockingWrites.STUCK_NANOS);
            pool.execute(() -> {});
        }

        assertThat(next.getCount()).as("the queued write ran").isZero();
        assertThat(release.getCount()).as("while the first is still blocked").isEqualTo(1);
        assertThat(pool.getCorePoolSize()).isEqualTo(2);
    }

    @Test
    void aThreadAddedForABlockedWriteIsGivenBackWhenThatWriteEnds() throws InterruptedException {
        aWriteQueuedBehindABlockedOneGetsAThreadOnceThePoolHasMadeNoProgress();
        CountDownLatch ended = new CountDownLatch(1);
        pool.execute(ended::countDown);

        release.countDown();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (pool.getCorePoolSize() > 1 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(5));
        }
        assertThat(pool.getCorePoolSize()).isEqualTo(1);
    }

    @Test
    void refusesAWriteWhenTheFactoryGivesNoThreadSoTheCallerCanWriteItself() {
        BlockingWrites stopping = new BlockingWrites(task -> null, 1);
        try {
            assertThatThrownBy(() -> stopping.execute(() -> {}))
                    .isInstanceOf(RejectedExecutionException.class);
            assertThat(stopping.getQueue()).isEmpty();
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
