package org.resumablesse.jakarta.servlet;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.AsyncContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.EventFrameEncoder;
import org.resumablesse.core.GzipFrames;
import org.resumablesse.core.Transport;

class ServletTransportTest {

    private final FakeOutput out = new FakeOutput();
    private final AtomicInteger completes = new AtomicInteger();
    private final AsyncContext async = FakeAsync.onComplete(completes::incrementAndGet);
    private final Recorder done = new Recorder();

    private ServletTransport transport(boolean flushes) {
        ServletTransport transport = new ServletTransport(async, out, flushes);
        transport.listen(() -> {});
        return transport;
    }

    private static EventFrame frame(String data) {
        return EventFrameEncoder.event("e", null, data, -1);
    }

    @Test
    void withGzipEachBatchIsOneCompressedWriteThatDecodesAtOnceAndTheEndCarriesTheTrailer()
            throws Exception {
        ServletTransport transport = new ServletTransport(async, out, true, null, new GzipFrames());
        transport.listen(() -> {});
        out.start();

        transport.write(List.of(frame("{\"a\":1}"), frame("{\"a\":2}")), done);
        byte[] first = out.bytes();
        Inflater inflater = new Inflater(true);
        inflater.setInput(first, 10, first.length - 10);
        byte[] inflated = new byte[1024];
        int count = inflater.inflate(inflated);

        assertThat(out.calls()).containsExactly("write", "flush");
        assertThat(new String(inflated, 0, count, StandardCharsets.UTF_8))
                .isEqualTo("event: e\ndata: {\"a\":1}\n\nevent: e\ndata: {\"a\":2}\n\n");
        transport.write(List.of(frame("{\"a\":3}")), done);
        transport.close();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(out.bytes()))) {
            assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8))
                    .endsWith("event: e\ndata: {\"a\":3}\n\n");
        }
        assertThat(done.events).containsExactly("written", "written");
    }

    @Test
    void closingWhileAWriteWaitsForTheClientDropsTheConnectionAtOnceButAnIdleOneEndsGracefully() {
        AtomicInteger aborts = new AtomicInteger();
        ServletTransport stalled = transport(true);
        stalled.abortWith(aborts::incrementAndGet);
        out.start();
        out.readyFor(1);
        stalled.write(List.of(frame("a"), frame("b")), done);

        stalled.close();

        assertThat(aborts).hasValue(1);
        assertThat(done.events).containsExactly("failed");
        ServletTransport idle = new ServletTransport(async, new FakeOutput(), true);
        idle.abortWith(aborts::incrementAndGet);
        idle.close();
        assertThat(aborts).hasValue(1);
        assertThat(completes).hasValue(2);
    }

    @Test
    void writesNothingBeforeTheContainerFirstSaysItIsWritable() {
        ServletTransport transport = transport(true);

        transport.write(List.of(frame("a")), done);

        assertThat(out.text()).isEmpty();
        assertThat(done.events).isEmpty();
        out.start();
        assertThat(out.text()).isEqualTo("event: e\ndata: a\n\n");
        assertThat(done.events).containsExactly("written");
    }

    @Test
    void writesABatchInOrderThenFlushesOnceThenReportsIt() {
        ServletTransport transport = transport(true);
        out.start();

        transport.write(List.of(frame("a"), frame("b"), frame("c")), done);

        assertThat(out.text())
                .isEqualTo("event: e\ndata: a\n\nevent: e\ndata: b\n\nevent: e\ndata: c\n\n");
        assertThat(out.calls()).containsExactly("write", "write", "write", "flush");
        assertThat(done.events).containsExactly("written");
    }

    @Test
    void neverFlushesWhereFlushWouldBlockAndSendsTheBatchAsOneWrite() {
        ServletTransport transport = transport(false);
        out.start();

        transport.write(List.of(frame("a"), frame("b")), done);

        assertThat(out.calls()).containsExactly("write");
        assertThat(out.text()).isEqualTo("event: e\ndata: a\n\nevent: e\ndata: b\n\n");
        assertThat(done.events).containsExactly("written");
    }

    @Test
    void stopsWhenNotReadyAndReportsTheBatchOnlyWhenTheContainerIsReadyAgain() {
        ServletTransport transport = transport(true);
        out.start();
        out.readyFor(1);

        transport.write(List.of(frame("a"), frame("b")), done);

        assertThat(out.text()).isEqualTo("event: e\ndata: a\n\n");
        assertThat(done.events).isEmpty();
        out.drained();
        assertThat(out.text()).endsWith("data: b\n\n");
        assertThat(done.events).containsExactly("written");
    }

    @Test
    void lastWriteThatFillsTheContainerIsReportedOnlyOnceItDrains() {
        ServletTransport transport = transport(false);
        out.start();
        out.readyFor(1);

        transport.write(List.of(frame("a")), done);

        assertThat(done.events).isEmpty();
        out.drained();
        assertThat(done.events).containsExactly("written");
    }

    @Test
    void nextBatchWrittenFromInsideTheCompletionGoesOutWithoutRecursion() {
        ServletTransport transport = transport(true);
        out.start();
        List<String> order = new ArrayList<>();
        Transport.Completion second = new Recorder();
        Transport.Completion first =
                new Recorder() {
                    @Override
                    public void written() {
                        order.add("first");
                        transport.write(List.of(frame("b")), second);
                        order.add("first returns");
                    }
                };

        transport.write(List.of(frame("a")), first);

        assertThat(order).containsExactly("first", "first returns");
        assertThat(out.text()).endsWith("data: b\n\n");
        assertThat(((Recorder) second).events).containsExactly("written");
    }

    @Test
    void closeFailsTheWriteInProgressAndCompletesTheResponseOnce() {
        ServletTransport transport = transport(true);
        out.start();
        out.readyFor(1);
        transport.write(List.of(frame("a"), frame("b")), done);

        transport.close();
        transport.close();

        assertThat(done.events).containsExactly("failed");
        assertThat(completes).hasValue(1);
        assertThat(transport.isOpen()).isFalse();
        assertThat(transport.isClosed()).isTrue();
    }

    @Test
    void secondWriteWhileOneIsInProgressFailsAndLeavesTheFirstAlone() {
        ServletTransport transport = transport(true);
        out.start();
        out.readyFor(1);
        transport.write(List.of(frame("a"), frame("b")), done);
        Recorder second = new Recorder();

        transport.write(List.of(frame("x")), second);

        assertThat(second.events).containsExactly("failed");
        out.drained();
        assertThat(out.text()).doesNotContain("data: x").endsWith("data: b\n\n");
        assertThat(done.events).containsExactly("written");
    }

    @Test
    void writeAfterCloseFailsAtOnce() {
        ServletTransport transport = transport(true);
        transport.close();

        transport.write(List.of(frame("a")), done);

        assertThat(done.events).containsExactly("failed");
        assertThat(out.text()).isEmpty();
    }

    @Test
    void containerWriteErrorFailsTheWriteAndReportsTheClientGone() {
        AtomicInteger gone = new AtomicInteger();
        ServletTransport transport = new ServletTransport(async, out, true);
        transport.listen(gone::incrementAndGet);
        out.start();
        out.readyFor(1);
        transport.write(List.of(frame("a"), frame("b")), done);

        out.fail(new IOException("reset"));

        assertThat(gone).hasValue(1);
        assertThat(done.events).containsExactly("failed");
        assertThat(completes).hasValue(1);
    }

    @Test
    void closeHookRunsOnceWhenTheResponseEnds() {
        ServletTransport transport = transport(true);
        AtomicInteger hook = new AtomicInteger();
        transport.whenClosed(hook::incrementAndGet);

        transport.close();
        transport.close();

        assertThat(hook).hasValue(1);
    }

    private static class Recorder implements Transport.Completion {
        final List<String> events = new ArrayList<>();

        @Override
        public void written() {
            events.add("written");
        }

        @Override
        public void failed(Throwable error) {
            events.add("failed");
        }
    }
}
