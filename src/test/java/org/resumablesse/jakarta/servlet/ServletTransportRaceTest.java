package org.resumablesse.jakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.EventFrameEncoder;
import org.resumablesse.core.Transport;

/**
 * The transport against a container thread that makes the stream unready at random and calls
 * onWritePossible from its own thread, while batches are written from the test's thread: every byte
 * arrives once and in order, nothing touches the stream from two threads at once, and nothing is
 * written while the container says it is not ready.
 */
class ServletTransportRaceTest {

    private static final int BATCHES = 3000;

    @Test
    void everyBatchArrivesInOrderWithOneThreadAtATimeOnTheStream() throws Exception {
        long seed = System.nanoTime();
        RacingOutput out = new RacingOutput(new Random(seed));
        AsyncContext async =
                (AsyncContext)
                        Proxy.newProxyInstance(
                                getClass().getClassLoader(),
                                new Class<?>[] {AsyncContext.class},
                                (proxy, method, args) -> null);
        ServletTransport transport = new ServletTransport(async, out, true);
        transport.listen(() -> {});
        Thread container = new Thread(out::runContainer, "fake-container");
        container.start();
        Semaphore written = new Semaphore(0);
        AtomicInteger failures = new AtomicInteger();
        Transport.Completion done =
                new Transport.Completion() {
                    @Override
                    public void written() {
                        written.release();
                    }

                    @Override
                    public void failed(Throwable error) {
                        failures.incrementAndGet();
                        written.release();
                    }
                };
        StringBuilder expected = new StringBuilder();
        Random random = new Random(seed);
        try {
            out.start();
            for (int i = 0; i < BATCHES; i++) {
                List<EventFrame> batch = new ArrayList<>();
                for (int j = random.nextInt(3); j >= 0; j--) {
                    EventFrame frame = EventFrameEncoder.event("e", null, i + "." + j, -1);
                    batch.add(frame);
                    expected.append(frame.text());
                }
                transport.write(batch, done);
                assertThat(written.tryAcquire(10, TimeUnit.SECONDS))
                        .as("batch %d written (seed %d)", i, seed)
                        .isTrue();
            }
        } finally {
            out.stop();
            container.join(TimeUnit.SECONDS.toMillis(10));
        }

        assertThat(failures).as("seed %d", seed).hasValue(0);
        assertThat(out.violations()).as("seed %d", seed).isEmpty();
        assertThat(out.text()).as("seed %d", seed).isEqualTo(expected.toString());
    }

    /** A stream whose readiness a container thread controls; records every rule broken. */
    private static final class RacingOutput extends ServletOutputStream {

        private final Random random;
        private final StringBuilder text = new StringBuilder();
        private final List<String> violations = new ArrayList<>();
        private final AtomicInteger inside = new AtomicInteger();
        private final AtomicBoolean notifyDue = new AtomicBoolean();
        private volatile boolean ready = true;
        private volatile boolean running = true;
        private volatile WriteListener listener;

        RacingOutput(Random random) {
            this.random = random;
        }

        void start() throws IOException {
            listener.onWritePossible();
        }

        void runContainer() {
            while (running) {
                if (notifyDue.getAndSet(false)) {
                    ready = true;
                    try {
                        listener.onWritePossible();
                    } catch (IOException e) {
                        violation("onWritePossible threw " + e);
                    }
                }
                LockSupport.parkNanos(20_000);
            }
        }

        void stop() {
            running = false;
        }

        synchronized List<String> violations() {
            return List.copyOf(violations);
        }

        synchronized String text() {
            return text.toString();
        }

        private synchronized void violation(String what) {
            violations.add(what);
        }

        private void enter() {
            if (inside.getAndIncrement() != 0) {
                violation("two threads on the stream");
            }
        }

        private void leave() {
            inside.decrementAndGet();
        }

        @Override
        public boolean isReady() {
            enter();
            try {
                if (!ready) {
                    notifyDue.set(true);
                }
                return ready;
            } finally {
                leave();
            }
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            enter();
            try {
                if (!ready) {
                    violation("write while not ready");
                }
                synchronized (this) {
                    text.append(
                            new String(
                                    bytes,
                                    offset,
                                    length,
                                    java.nio.charset.StandardCharsets.UTF_8));
                    if (random.nextInt(4) == 0) {
                        ready = false;
                    }
                }
            } finally {
                leave();
            }
        }

        @Override
        public void flush() {
            enter();
            try {
                if (!ready) {
                    violation("flush while not ready");
                }
            } finally {
                leave();
            }
        }
    }
}
