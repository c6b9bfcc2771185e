package org.resumablesse.perf.ceiling;

import java.net.URLDecoder;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * An HTTP/1.1 request head as the ceiling needs it: method, path, query parameters and headers.
 *
 * @param method the method, such as {@code GET}
 * @param path the path without the query
 * @param query the query parameters, decoded; the last of repeated names wins
 * @param headers the headers, names in lower case
 */
record RequestHead(
        String method, String path, Map<String, String> query, Map<String, String> headers) {

    /**
     * Parses the head at the start of {@code buffer} (in read mode) if it is complete.
     *
     * @return the head, or null if the empty line has not arrived yet
     * @throws IllegalArgumentException if the request line is malformed
     */
    static RequestHead parse(ByteBuffer buffer) {
        String text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return null;
        }
        String[] lines = text.substring(0, end).split("\r\n");
        String[] requestLine = lines[0].split(" ");
        if (requestLine.length != 3) {
            throw new IllegalArgumentException("bad request line");
        }
        String target = requestLine[1];
        int question = target.indexOf('?');
        Map<String, String> query = new HashMap<>();
        if (question >= 0) {
            for (String pair : target.substring(question + 1).split("&")) {
                String[] kv = pair.split("=", 2);
                query.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
            }
        }
        Map<String, String> headers = new HashMap<>();
        for (int i = 1; i < lines.length; i++) {
            int colon = lines[i].indexOf(':');
            if (colon > 0) {
                headers.put(
                        lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT),
                        lines[i].substring(colon + 1).trim());
            }
        }
        String path = question >= 0 ? target.substring(0, question) : target;
        return new RequestHead(requestLine[0], path, query, headers);
    }

    long longParam(String name, long fallback) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? fallback : Long.parseLong(value);
    }

    double doubleParam(String name, double fallback) {
        String value = query.get(name);
        return value == null || value.isEmpty() ? fallback : Double.parseDouble(value);
    }

    private static String decode(String text) {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
