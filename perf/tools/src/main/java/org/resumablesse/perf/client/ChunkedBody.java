package org.resumablesse.perf.client;

/**
 * Decodes an HTTP/1.1 {@code Transfer-Encoding: chunked} body as it arrives, in any split, and
 * hands the payload bytes on. Chunk extensions and trailers are skipped. Not thread-safe.
 */
final class ChunkedBody {

    /** Receives payload bytes. */
    interface Sink {
        void accept(byte[] bytes, int offset, int length);
    }

    private enum State {
        SIZE,
        EXTENSION,
        DATA,
        DATA_END,
        TRAILER,
        TRAILER_LINE,
        DONE
    }

    private final Sink sink;
    private State state = State.SIZE;
    private long size;
    private long remaining;
    private boolean sizeSeen;

    ChunkedBody(Sink sink) {
        this.sink = sink;
    }

    /** True once the last chunk and its trailers have been read. */
    boolean done() {
        return state == State.DONE;
    }

    /**
     * Feeds bytes of the body.
     *
     * @throws IllegalStateException on a malformed chunk size
     */
    void feed(byte[] bytes, int offset, int length) {
        int i = offset;
        int end = offset + length;
        while (i < end && state != State.DONE) {
            if (state == State.DATA) {
                int n = (int) Math.min(remaining, end - i);
                sink.accept(bytes, i, n);
                i += n;
                remaining -= n;
                if (remaining == 0) {
                    state = State.DATA_END;
                }
                continue;
            }
            step(bytes[i++]);
        }
    }

    private void step(byte b) {
        switch (state) {
            case SIZE -> size(b);
            case EXTENSION -> {
                if (b == '\n') {
                    endSizeLine();
                }
            }
            case DATA_END -> {
                if (b == '\n') {
                    state = State.SIZE;
                } else if (b != '\r') {
                    throw new IllegalStateException("no CRLF after a chunk");
                }
            }
            case TRAILER ->
                    state = b == '\n' ? State.DONE : b == '\r' ? State.TRAILER : State.TRAILER_LINE;
            case TRAILER_LINE -> {
                if (b == '\n') {
                    state = State.TRAILER;
                }
            }
            default -> throw new IllegalStateException("unexpected state " + state);
        }
    }

    private void size(byte b) {
        int digit = Character.digit(b, 16);
        if (digit >= 0) {
            size = size * 16 + digit;
            sizeSeen = true;
            if (size > Integer.MAX_VALUE) {
                throw new IllegalStateException("chunk too large");
            }
        } else if (b == ';' || b == ' ' || b == '\t') {
            state = State.EXTENSION;
        } else if (b == '\n') {
            endSizeLine();
        } else if (b != '\r') {
            throw new IllegalStateException("bad chunk size byte " + b);
        }
    }

    private void endSizeLine() {
        if (!sizeSeen) {
            throw new IllegalStateException("empty chunk size");
        }
        remaining = size;
        state = size == 0 ? State.TRAILER : State.DATA;
        size = 0;
        sizeSeen = false;
    }
}
