package org.resumablesse.perf.ceiling;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.SocketChannel;
import java.util.ArrayDeque;

/**
 * One stream client of the ceiling. A frame goes out in one {@code write} when nothing is queued;
 * what the socket did not take waits, in order, for the socket to become writable. A client with
 * more than {@link #MAX_BACKLOG} bytes waiting is dropped.
 */
final class Subscriber {

    static final int MAX_BACKLOG = 1 << 20;

    private final SocketChannel channel;
    private final SelectionKey key;
    private final ArrayDeque<ByteBuffer> backlog = new ArrayDeque<>();
    private long backlogBytes;

    Subscriber(SocketChannel channel, SelectionKey key) {
        this.channel = channel;
        this.key = key;
    }

    /**
     * Sends a frame or queues it.
     *
     * @return false if the client was dropped (too far behind, or the write failed)
     */
    boolean send(byte[] frame) {
        try {
            ByteBuffer buffer = ByteBuffer.wrap(frame);
            if (backlog.isEmpty()) {
                channel.write(buffer);
                if (!buffer.hasRemaining()) {
                    return true;
                }
                key.interestOps(key.interestOps() | SelectionKey.OP_WRITE);
            }
            backlog.add(buffer);
            backlogBytes += buffer.remaining();
            if (backlogBytes > MAX_BACKLOG) {
                close();
                return false;
            }
            return true;
        } catch (IOException e) {
            close();
            return false;
        }
    }

    /** Writes what waits while the socket takes it. */
    void writable() {
        try {
            while (!backlog.isEmpty()) {
                ByteBuffer head = backlog.peek();
                int written = channel.write(head);
                backlogBytes -= written;
                if (head.hasRemaining()) {
                    return;
                }
                backlog.poll();
            }
            key.interestOps(key.interestOps() & ~SelectionKey.OP_WRITE);
        } catch (IOException e) {
            close();
        }
    }

    boolean open() {
        return channel.isOpen();
    }

    void close() {
        backlog.clear();
        key.cancel();
        try {
            channel.close();
        } catch (IOException ignored) {
            // already gone
        }
    }
}
