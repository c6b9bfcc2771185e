package org.resumablesse.client;

import java.util.ArrayList;
import java.util.List;

/** Records each attempt's request and lets a test play the server on its listener. */
final class FakeConnector implements StreamConnector {

    /** One attempt: what was sent, the listener to answer on, whether it was closed. */
    static final class Attempt implements AutoCloseable {
        final Request request;
        final Listener listener;
        boolean closed;

        Attempt(Request request, Listener listener) {
            this.request = request;
            this.listener = listener;
        }

        /** Answers 200 with the connected event, setting this token. */
        Attempt connected(String token, String id, String json) {
            listener.response(200, token, -1);
            listener.event("connected", id, json, 1500);
            return this;
        }

        Attempt event(String name, String id, String data) {
            listener.event(name, id, data, -1);
            return this;
        }

        @Override
        public void close() {
            closed = true;
        }
    }

    final List<Attempt> attempts = new ArrayList<>();
    boolean closed;

    @Override
    public AutoCloseable connect(Request request, Listener listener) {
        Attempt attempt = new Attempt(request, listener);
        attempts.add(attempt);
        return attempt;
    }

    Attempt last() {
        return attempts.get(attempts.size() - 1);
    }

    @Override
    public void close() {
        closed = true;
    }
}
