package org.resumablesse.jakarta.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.RemoteEndpoint;
import jakarta.websocket.SendHandler;
import jakarta.websocket.SendResult;
import java.io.IOException;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.EventFrame;
import org.resumablesse.core.EventFrameEncoder;
import org.resumablesse.core.Transport;

class WebSocketTransportTest {

    private final List<String> sent = new ArrayList<>();
    private final List<SendHandler> handlers = new ArrayList<>();
    private RuntimeException refuse;
    private final AtomicInteger closes = new AtomicInteger();
    private final Recorder done = new Recorder();

    private final RemoteEndpoint.Async remote =
            (RemoteEndpoint.Async)
                    Proxy.newProxyInstance(
                            getClass().getClassLoader(),
                            new Class<?>[] {RemoteEndpoint.Async.class},
                            (proxy, method, args) -> {
                                if (!method.getName().equals("sendText") || args.length != 2) {
                                    throw new UnsupportedOperationException(method.getName());
                                }
                                if (refuse != null) {
                                    throw refuse;
                                }
                                sent.add((String) args[0]);
                                handlers.add((SendHandler) args[1]);
                                return null;
                            });

    private final WebSocketTransport transport =
            new WebSocketTransport(remote, closes::incrementAndGet);

    private static EventFrame frame(String id, String data) {
        return EventFrameEncoder.event("e", id, data, -1);
    }

    @Test
    void aBatchGoesAsOneTextMessageHoldingTheFramesBytesInOrder() {
        EventFrame first = frame("a", "one\ntwo");
        EventFrame second = frame("b", "é");

        transport.write(List.of(first, second), done);

        assertThat(sent).containsExactly(first.text() + second.text());
        assertThat(sent.get(0))
                .isEqualTo("event: e\nid: a\ndata: one\ndata: two\n\nevent: e\nid: b\ndata: é\n\n");
    }

    @Test
    void aWriteIsReportedOnlyWhenTheContainerHasSentTheMessage() {
        transport.write(List.of(frame("a", "x")), done);
        assertThat(done.written).isZero();

        handlers.get(0).onResult(new SendResult());

        assertThat(done.written).isEqualTo(1);
        assertThat(done.failed).isEmpty();
    }

    @Test
    void aSecondWriteWhileOneIsInFlightFailsAndTheFirstCompletesNormally() {
        Recorder second = new Recorder();
        transport.write(List.of(frame("a", "x")), done);

        transport.write(List.of(frame("b", "y")), second);

        assertThat(second.failed).hasSize(1);
        assertThat(sent).hasSize(1);
        handlers.get(0).onResult(new SendResult());
        assertThat(done.written).isEqualTo(1);
        transport.write(List.of(frame("c", "z")), new Recorder());
        assertThat(sent).hasSize(2);
    }

    @Test
    void aFailedSendFailsTheWriteAndTheTransportIsNoLongerOpen() {
        IOException broken = new IOException("broken pipe");
        transport.write(List.of(frame("a", "x")), done);

        handlers.get(0).onResult(new SendResult(broken));

        assertThat(done.failed).containsExactly(broken);
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void aSendRefusedAtOnceFailsTheWrite() {
        refuse = new IllegalStateException("session closed");

        transport.write(List.of(frame("a", "x")), done);

        assertThat(done.failed).containsExactly(refuse);
        assertThat(transport.isOpen()).isFalse();
    }

    @Test
    void closeEndsTheSessionOnceAndLaterWritesFailWithoutSending() {
        transport.close();
        transport.close();

        transport.write(List.of(frame("a", "x")), done);

        assertThat(closes).hasValue(1);
        assertThat(done.failed).hasSize(1);
        assertThat(sent).isEmpty();
        assertThat(transport.gone()).as("the engine ended it, not the client").isFalse();
    }

    @Test
    void aSessionEndedByTheClientIsReportedGoneOnceAndNotClosedAgain() {
        assertThat(transport.gone()).isTrue();
        assertThat(transport.gone()).isFalse();

        transport.close();

        assertThat(closes).hasValue(0);
        assertThat(transport.isOpen()).isFalse();
    }

    private static final class Recorder implements Transport.Completion {
        int written;
        final List<Throwable> failed = new ArrayList<>();

        @Override
        public void written() {
            written++;
        }

        @Override
        public void failed(Throwable error) {
            failed.add(error);
        }
    }
}
