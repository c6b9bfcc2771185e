package org.resumablesse.jakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.EventFrameEncoder;
import org.resumablesse.core.Transport;

/**
 * A container whose non-blocking write blocks once the client stops reading (OpenLiberty): the
 * writes run on the writer's threads, and closing the transport drops the connection, which is the
 * only thing that ends such a write.
 */
class BlockedWriteTest {

    private final ExecutorService writer = Executors.newCachedThreadPool();
    private final BlockingOutput out = new BlockingOutput();
    private final CompletableFuture<Void> completed = new CompletableFuture<>();
    private final AsyncContext async = FakeAsync.onComplete(() -> completed.complete(null));

    @AfterEach
    void stopWriter() {
        out.dropped.countDown();
        writer.shutdownNow();
    }

    @Test
    void closingWhileAWriteIsBlockedDropsTheConnectionFailsTheWriteAndEndsTheResponse()
            throws Exception {
        ServletTransport transport = new ServletTransport(async, out, false, writer, null);
        transport.abortWith(out.dropped::countDown);
        transport.listen(() -> {});
        out.start();
        CompletableFuture<Throwable> failed = new CompletableFuture<>();

        transport.write(
                List.of(EventFrameEncoder.event("e", null, "x", -1)),
                new Transport.Completion() {
                    @Override
                    public void written() {
                        failed.complete(null);
                    }

                    @Override
                    public void failed(Throwable error) {
                        failed.complete(error);
                    }
                });
        assertThat(out.entered.await(5, TimeUnit.SECONDS)).as("the write started").isTrue();
        assertTimeoutPreemptively(Duration.ofSeconds(5), transport::close, "close never waits");

        assertThat(failed.get(5, TimeUnit.SECONDS)).isInstanceOf(IOException.class);
        completed.get(5, TimeUnit.SECONDS);
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void closingAnIdleStreamEndsItOnTheWriterWithoutDroppingTheConnection() throws Exception {
        ServletTransport transport = new ServletTransport(async, out, false, writer, null);
        transport.abortWith(out.dropped::countDown);
        transport.listen(() -> {});
        out.start();

        transport.close();

        completed.get(5, TimeUnit.SECONDS);
        assertThat(out.dropped.getCount()).as("not dropped").isEqualTo(1);
    }

    /** Ready, but every write blocks until the connection is dropped, then fails. */
    private static final class BlockingOutput extends ServletOutputStream {
        final CountDownLatch entered = new CountDownLatch(1);
        final CountDownLatch dropped = new CountDownLatch(1);
        private WriteListener listener;

        void start() throws IOException {
            listener.onWritePossible();
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            this.listener = listener;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] bytes, int offset, int length) throws IOException {
            entered.countDown();
            try {
                if (!dropped.await(30, TimeUnit.SECONDS)) {
                    throw new IOException("never dropped");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new IOException("connection dropped");
        }
    }
}
