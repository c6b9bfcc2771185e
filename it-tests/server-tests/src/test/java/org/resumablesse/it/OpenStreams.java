package org.resumablesse.it;

import java.util.ArrayList;
import java.util.List;

/** The streams a test opened, closed together after the test whatever its outcome. */
public final class OpenStreams implements AutoCloseable {

    private final List<SseClient> streams = new ArrayList<>();

    public synchronized SseClient open(SseRequest builder) {
        SseClient stream = builder.open();
        streams.add(stream);
        return stream;
    }

    @Override
    public synchronized void close() {
        streams.forEach(SseClient::close);
        streams.clear();
    }
}
