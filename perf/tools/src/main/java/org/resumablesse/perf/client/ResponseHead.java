package org.resumablesse.perf.client;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Collects an HTTP/1.1 response head (up to the empty line) and reads what the client needs from
 * it: the status, whether the body is chunked, and the cookies set. Not thread-safe.
 */
final class ResponseHead {

    private static final int MAX_BYTES = 32 * 1024;

    private final byte[] bytes = new byte[MAX_BYTES];
    private int length;
    private int status;
    private boolean chunked;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /**
     * Feeds bytes; returns how many of them belong to the head, or -1 if all do and more is needed.
     *
     * @throws IllegalStateException if the head is longer than 32 KB or malformed
     */
    int feed(byte[] input, int offset, int count) {
        for (int i = 0; i < count; i++) {
            if (length == MAX_BYTES) {
                throw new IllegalStateException("response head over " + MAX_BYTES + " bytes");
            }
            bytes[length++] = input[offset + i];
            if (length >= 4
                    && bytes[length - 1] == '\n'
                    && bytes[length - 2] == '\r'
                    && bytes[length - 3] == '\n'
                    && bytes[length - 4] == '\r') {
                parse();
                return i + 1;
            }
        }
        return -1;
    }

    int status() {
        return status;
    }

    boolean chunked() {
        return chunked;
    }

    /** The cookies the response set, name to value, in order. */
    Map<String, String> cookies() {
        return cookies;
    }

    private void parse() {
        String[] lines = new String(bytes, 0, length, StandardCharsets.ISO_8859_1).split("\r\n");
        String[] statusLine = lines[0].split(" ", 3);
        if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/1.")) {
            throw new IllegalStateException("bad status line: " + lines[0]);
        }
        status = Integer.parseInt(statusLine[1]);
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = lines[i].substring(colon + 1).trim();
            if (name.equals("transfer-encoding")
                    && value.toLowerCase(Locale.ROOT).contains("chunked")) {
                chunked = true;
            } else if (name.equals("set-cookie")) {
                String pair = value.split(";", 2)[0];
                int eq = pair.indexOf('=');
                if (eq > 0) {
                    cookies.put(pair.substring(0, eq).trim(), pair.substring(eq + 1).trim());
                }
            }
        }
    }
}
