package org.resumablesse.client;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The response body of one attempt, watched for its end: the first end of stream, read failure or
 * close is reported once. An SSE parser reads a stream to its end, so this tells when a connection
 * is over even on JAX-RS implementations that reconnect on their own without telling.
 */
final class EndWatch extends FilterInputStream {

    /** Told once that the body ended. */
    interface Ended {
        void ended(Throwable cause);
    }

    private final Ended ended;
    private final Runnable activity;
    private boolean done;

    /**
     * @param ended told once when the body ends
     * @param activity told after every read that returned bytes
     */
    EndWatch(InputStream body, Ended ended, Runnable activity) {
        super(body);
        this.ended = ended;
        this.activity = activity;
    }

    @Override
    public int read() throws IOException {
        try {
            return watched(super.read());
        } catch (IOException e) {
            throw failed(e);
        }
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        try {
            return watched(super.read(buffer, offset, length));
        } catch (IOException e) {
            throw failed(e);
        }
    }

    private int watched(int result) {
        if (result < 0) {
            end(null);
        } else if (result > 0) {
            activity.run();
        }
        return result;
    }

    private IOException failed(IOException e) {
        end(e);
        return e;
    }

    @Override
    public void close() throws IOException {
        try {
            super.close();
        } finally {
            end(null);
        }
    }

    private void end(Throwable cause) {
        synchronized (this) {
            if (done) {
                return;
            }
            done = true;
        }
        ended.ended(cause);
    }
}
