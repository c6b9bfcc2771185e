package org.resumablesse.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The end of a response body is reported once, however it ends. */
class EndWatchTest {

    private final List<Throwable> ends = new ArrayList<>();
    private final AtomicInteger reads = new AtomicInteger();

    private EndWatch watch(InputStream body) {
        return new EndWatch(
                body,
                cause -> ends.add(cause == null ? new IllegalStateException("clean") : cause),
                reads::incrementAndGet);
    }

    @Test
    void reportsTheEndOfStreamOnceAfterTheLastByte() throws IOException {
        EndWatch body =
                watch(new ByteArrayInputStream("data: 1\n\n".getBytes(StandardCharsets.UTF_8)));

        assertThat(body.readAllBytes()).hasSize(9);
        assertThat(ends).as("nothing before the end").hasSize(1);
        body.read();
        body.close();

        assertThat(ends).hasSize(1);
        assertThat(ends.get(0)).hasMessage("clean");
        assertThat(reads).as("reads that returned bytes").hasPositiveValue();
    }

    @Test
    void reportsAReadFailureWithItsCause() {
        IOException reset = new IOException("connection reset");
        EndWatch body =
                watch(
                        new InputStream() {
                            @Override
                            public int read() throws IOException {
                                throw reset;
                            }
                        });

        assertThatThrownBy(body::read).isSameAs(reset);
        assertThat(ends).containsExactly(reset);
    }

    @Test
    void reportsAClosedBodyThatWasNotReadToItsEnd() throws IOException {
        EndWatch body = watch(new ByteArrayInputStream(new byte[100]));
        body.read(new byte[10], 0, 10);
        assertThat(ends).isEmpty();

        body.close();

        assertThat(ends).hasSize(1);
    }
}
