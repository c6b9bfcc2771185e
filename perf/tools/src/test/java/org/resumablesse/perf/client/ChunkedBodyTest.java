package org.resumablesse.perf.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ChunkedBodyTest {

    private final ByteArrayOutputStream payload = new ByteArrayOutputStream();
    private final ChunkedBody body = new ChunkedBody(payload::write);

    @Test
    void decodesChunksSplitAtEveryByte() {
        byte[] wire =
                "5\r\nhello\r\n1a;ext=1\r\n abcdefghijklmnopqrstuvwxy\r\n0\r\nX-T: 1\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < wire.length; i++) {
            body.feed(wire, i, 1);
        }

        assertEquals(
                "hello abcdefghijklmnopqrstuvwxy", payload.toString(StandardCharsets.US_ASCII));
        assertTrue(body.done());
    }

    @Test
    void passesPayloadOnBeforeTheChunkEnds() {
        byte[] wire = "a\r\n01234".getBytes(StandardCharsets.US_ASCII);
        body.feed(wire, 0, wire.length);

        assertEquals("01234", payload.toString(StandardCharsets.US_ASCII));
    }
}
