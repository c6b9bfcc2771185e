package org.resumablesse.core;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * One connection's stream in gzip: each write's frames are compressed and sync-flushed, so the
 * client can decode every event of a write as soon as it arrives, and later writes reuse what
 * earlier ones taught the compressor (repeated JSON keys cost little). The first write's bytes
 * start with the gzip header; {@link #finish} gives the trailer that ends the stream.
 *
 * <p>Costs about a quarter of a megabyte of native memory (zlib's window and tables) until closed.
 * Not thread-safe: one per connection, used by its writer alone; the owner closes it.
 */
public final class GzipFrames implements AutoCloseable {

    private final ByteArrayOutputStream compressed = new ByteArrayOutputStream(512);
    private final GZIPOutputStream gzip;

    public GzipFrames() {
        try {
            gzip = new GZIPOutputStream(compressed, 512, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The compressed bytes of these frames, flushed so that all of them decode now. */
    public byte[] compress(List<EventFrame> frames) {
        try {
            for (EventFrame frame : frames) {
                frame.writeTo(gzip);
            }
            gzip.flush();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return take();
    }

    /** The bytes that end the gzip stream; nothing may be compressed after them. */
    public byte[] finish() {
        try {
            gzip.finish();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return take();
    }

    /** Frees the compressor's native memory. Idempotent. */
    @Override
    public void close() {
        try {
            gzip.close();
        } catch (IOException e) {
            // Writes to memory only; nothing to report.
        }
    }

    private byte[] take() {
        byte[] bytes = compressed.toByteArray();
        compressed.reset();
        return bytes;
    }
}
