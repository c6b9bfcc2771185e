package org.resumablesse.core;

/**
 * Marks replayed events the way the original package did: when the data is a JSON object, {@code
 * "_replayed":true} and {@code "_originalTime":<epoch seconds>} become its first members, on the
 * line of its opening brace. Other data is left as it is. Stateless.
 */
final class ReplayMarkers {

    private ReplayMarkers() {}

    static String mark(String data, long timeMillis) {
        int open = firstNonBlank(data);
        int close = lastNonBlank(data);
        if (open < 0 || data.charAt(open) != '{' || data.charAt(close) != '}' || open == close) {
            return data;
        }
        boolean empty = firstNonBlank(data.substring(open + 1, close)) < 0;
        String members = "\"_replayed\":true,\"_originalTime\":" + Math.floorDiv(timeMillis, 1000L);
        return data.substring(0, open + 1)
                + members
                + (empty ? "" : ",")
                + data.substring(open + 1);
    }

    private static int firstNonBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isBlank(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static int lastNonBlank(String text) {
        for (int i = text.length() - 1; i >= 0; i--) {
            if (!isBlank(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }
}
