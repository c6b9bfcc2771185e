package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.junit.jupiter.api.Test;
import org.resumablesse.testkit.WhatwgEventStreamParser;

class GzipFramesTest {

    private static final int GZIP_HEADER = 10;

    @Test
    void everyWriteDecodesAtOnceIntoTheSameEventsABrowserReads() throws Exception {
        List<EventFrame> frames = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            frames.add(
                    EventFrameEncoder.event(
                            "order",
                            Cursor.format("0123456789abcdef", i + 1),
                            "{\"id\":" + i + ",\r\n\"status\":\"shipped\",\"note\":\"é\u20ac\"}",
                            -1));
        }
        ByteArrayOutputStream wire = new ByteArrayOutputStream();
        StringBuilder plain = new StringBuilder();
        Inflater inflater = new Inflater(true);
        StringBuilder decoded = new StringBuilder();
        try (GzipFrames gzip = new GzipFrames()) {
            for (int write = 0; write < 10; write++) {
                List<EventFrame> batch = frames.subList(write * 5, write * 5 + 5);
                byte[] bytes = gzip.compress(batch);
                wire.writeBytes(bytes);
                batch.forEach(frame -> plain.append(frame.text()));
                int skip = write == 0 ? GZIP_HEADER : 0;
                decoded.append(inflate(inflater, Arrays.copyOfRange(bytes, skip, bytes.length)));

                assertThat(decoded.toString())
                        .as("all of write %d decodes at once", write)
                        .isEqualTo(plain.toString());
            }
            wire.writeBytes(gzip.finish());
        }

        String whole;
        try (GZIPInputStream in =
                new GZIPInputStream(new ByteArrayInputStream(wire.toByteArray()))) {
            whole = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(WhatwgEventStreamParser.parse(whole).events())
                .isEqualTo(WhatwgEventStreamParser.parse(plain.toString()).events())
                .hasSize(50);
        assertThat(wire.size()).as("repeated JSON compresses").isLessThan(plain.length() / 3);
    }

    private static String inflate(Inflater inflater, byte[] input) throws DataFormatException {
        inflater.setInput(input);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[4096];
        int count;
        while ((count = inflater.inflate(buffer)) > 0) {
            out.write(buffer, 0, count);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void anUnusedStreamStillEndsAsValidGzip() throws IOException {
        byte[] bytes;
        try (GzipFrames gzip = new GzipFrames()) {
            bytes = gzip.finish();
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
            assertThat(in.readAllBytes()).isEmpty();
        }
    }
}
