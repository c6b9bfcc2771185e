package org.resumablesse.core;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code connected} event's JSON as a client reads it; a few regular expressions suffice for
 * the flat object the engine writes.
 */
record ConnectedEvent(
        String sessionId, boolean reconnection, boolean recovered, String reason, int replayed) {

    private static final Pattern SESSION = Pattern.compile("\"sessionId\":(null|\"([^\"]*)\")");
    private static final Pattern RECONNECTION = Pattern.compile("\"reconnection\":(true|false)");
    private static final Pattern RECOVERED = Pattern.compile("\"recovered\":(true|false)");
    private static final Pattern REASON = Pattern.compile("\"reason\":\"([^\"]*)\"");
    private static final Pattern REPLAYED = Pattern.compile("\"replayed\":(\\d+)");

    static ConnectedEvent parse(String json) {
        Matcher session = find(SESSION, json);
        Matcher reason = REASON.matcher(json);
        return new ConnectedEvent(
                session.group(2),
                Boolean.parseBoolean(find(RECONNECTION, json).group(1)),
                Boolean.parseBoolean(find(RECOVERED, json).group(1)),
                reason.find() ? reason.group(1) : null,
                Integer.parseInt(find(REPLAYED, json).group(1)));
    }

    /** Whether the first {@code connected} event a transport received says the session is new. */
    static boolean saysNewSession(RecordingTransport transport) {
        return transport.parsed().events().stream()
                .filter(event -> event.type().equals("connected"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no connected event"))
                .data()
                .contains("\"newSession\":true");
    }

    /** The first {@code connected} event a transport received. */
    static ConnectedEvent of(RecordingTransport transport) {
        return transport.parsed().events().stream()
                .filter(event -> event.type().equals("connected"))
                .map(event -> parse(event.data()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no connected event"));
    }

    private static Matcher find(Pattern pattern, String json) {
        Matcher matcher = pattern.matcher(json);
        if (!matcher.find()) {
            throw new AssertionError("no " + pattern + " in " + json);
        }
        return matcher;
    }
}
