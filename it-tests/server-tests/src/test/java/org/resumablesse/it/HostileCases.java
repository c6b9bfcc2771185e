package org.resumablesse.it;

import static org.awaitility.Awaitility.await;
import static org.resumablesse.it.DocumentedAnswer.admitted;
import static org.resumablesse.it.DocumentedAnswer.badRequest;
import static org.resumablesse.it.DocumentedAnswer.cursorNotRecovered;
import static org.resumablesse.it.DocumentedAnswer.newSession;
import static org.resumablesse.it.DocumentedAnswer.recoveredInNewSession;
import static org.resumablesse.it.DocumentedAnswer.refusedByContainer;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The hostile requests of fault scenario (f), each sent once with {@link Probe#send} and checked
 * against its {@link DocumentedAnswer}: garbage cursors, tokens, and topic lists. Counts per group
 * how many got their answer and how many the container refused before the module saw them. Not
 * thread-safe.
 */
final class HostileCases {

    private static final DocumentedAnswer INVALID = cursorNotRecovered("invalid");
    private static final DocumentedAnswer INVALID_OR_CONTAINER = INVALID.or(refusedByContainer());
    private static final SecureRandom RANDOM = new SecureRandom();

    private final DemoClient demo;
    private final String epoch;
    private final Map<String, int[]> counts = new TreeMap<>();
    private final List<String> undocumented = new ArrayList<>();

    /**
     * @param position a cursor the server gave out, for its epoch
     */
    HostileCases(DemoClient demo, String position) {
        this.demo = demo;
        this.epoch = position.substring(0, 16);
    }

    /** Cursors that are garbage, too long, negative, future, of another epoch or session. */
    void cursors(URI events) {
        String other = (epoch.charAt(0) == '0' ? "1" : "0") + epoch.substring(1);
        String tenKb = "9".repeat(10_240);
        check("cursor", "garbage header", get(events).header("Last-Event-ID", "garbage"), INVALID);
        check("cursor", "garbage query", get(events).query("lastEventId", "<script>"), INVALID);
        check("cursor", "garbage Mercure query", get(events).query("lastEventID", "%"), INVALID);
        check(
                "cursor",
                "10 KB header",
                get(events).header("Last-Event-ID", tenKb),
                INVALID_OR_CONTAINER);
        check(
                "cursor",
                "10 KB query",
                get(events).query("lastEventId", tenKb),
                INVALID_OR_CONTAINER);
        check("cursor", "negative", cursor(events, epoch + "--000000000000000001"), INVALID);
        check("cursor", "future", cursor(events, epoch + "-9000000000000000000"), INVALID);
        check(
                "cursor",
                "other epoch",
                cursor(events, other + "-0000000000000000001"),
                cursorNotRecovered("unknown-epoch"));
        check(
                "cursor",
                "CR LF NUL in query",
                get(events).rawQuery("lastEventId=" + epoch + "-%0D%0AX-Evil:%201%00"),
                INVALID);
        check(
                "cursor",
                "not UTF-8 in query",
                get(events).rawQuery("lastEventId=%FF%FE%C0%AF"),
                INVALID);
        check("cursor", "NUL in header", rawHeader(events, epoch + "-\0"), INVALID_OR_CONTAINER);
        check("cursor", "CR in header", rawHeader(events, epoch + "-\r1"), INVALID_OR_CONTAINER);
        check(
                "cursor",
                "not UTF-8 in header",
                get(events).header("Last-Event-ID", new byte[] {(byte) 0xff, (byte) 0xfe, 'a'}),
                INVALID_OR_CONTAINER);
        otherSessionsCursor(events);
    }

    /**
     * Another session's cursor, sent without a cookie: a usable position, but the events private to
     * that session after it are not replayed.
     */
    private void otherSessionsCursor(URI events) {
        SseClient owner = SseClient.to(events).label("owner").open();
        try {
            String ownerSession = Connected.await(owner).sessionId();
            String name = Names.unique("private");
            String first = demo.toSession(ownerSession, name, "mine");
            demo.toSession(ownerSession, name, "mine too");
            check("cursor", "other session's", cursor(events, first), recoveredInNewSession(0));
        } finally {
            owner.close();
        }
    }

    /** Tokens that are absent, forged, malformed or expired. */
    void tokens(URI events) {
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes(32));
        String current = epoch + "-0000000000000000000";
        check("token", "absent", get(events), admitted());
        check(
                "token",
                "forged cookie",
                get(events).sessionCookie(forged),
                newSession(forged, false));
        check(
                "token",
                "forged header",
                get(events).header("X-SSE-Session-ID", forged),
                newSession(forged, false));
        check(
                "token",
                "forged with cursor",
                get(events).sessionCookie(forged).header("Last-Event-ID", current),
                newSession(forged, true));
        String tenKb = "A".repeat(10_240);
        check(
                "token",
                "10 KB cookie",
                get(events).sessionCookie(tenKb),
                newSession(tenKb, false).or(refusedByContainer()));
        check(
                "token",
                "control characters in header",
                get(events).header("X-SSE-Session-ID", "\u0001\u007f"),
                newSession("", false).or(refusedByContainer()));
        expiredToken(events);
    }

    private void expiredToken(URI events) {
        SseClient first = SseClient.to(events).label("expiring").open();
        String session = Connected.await(first).sessionId();
        String token = first.sessionToken();
        String cursor = first.drop();
        await("session " + session + " expires")
                .atMost(Timeouts.DEFAULT)
                .pollInterval(Duration.ofMillis(100))
                .until(() -> demo.session(session).status() == 404);
        check(
                "token",
                "expired",
                get(events).sessionCookie(token).header("Last-Event-ID", cursor),
                newSession(token, true));
    }

    /** 1,000 {@code topic} parameters, repeated or distinct, and malformed topics. */
    void topics(URI events) {
        RawRequest same = get(events);
        RawRequest distinct = get(events);
        RawRequest oneTooMany = get(events);
        for (int i = 0; i < 1000; i++) {
            same.query("topic", "t");
            distinct.query("topic", "t" + i);
        }
        for (int i = 0; i <= 32; i++) {
            oneTooMany.query("topic", "t" + i);
        }
        // Repeats count against max-topics-per-connection too (counted before any is read).
        check("topic", "1,000 times the same", same, badRequest().or(refusedByContainer()));
        check("topic", "1,000 distinct", distinct, badRequest().or(refusedByContainer()));
        check("topic", "33 distinct", oneTooMany, badRequest());
        check("topic", "NUL", get(events).rawQuery("topic=%00"), badRequest());
        check("topic", "129 characters", get(events).query("topic", "t".repeat(129)), badRequest());
        check("topic", "not UTF-8", get(events).rawQuery("topic=%FF"), badRequest());
    }

    /** Per group: how many requests, how many got their answer, how many the container refused. */
    String figures() {
        StringBuilder figures = new StringBuilder();
        counts.forEach(
                (group, count) ->
                        figures.append(group)
                                .append("s=")
                                .append(count[0])
                                .append(" documented=")
                                .append(count[1])
                                .append(" by-container=")
                                .append(count[2])
                                .append(' '));
        return figures.toString().trim();
    }

    List<String> undocumented() {
        return List.copyOf(undocumented);
    }

    private void check(String group, String what, RawRequest request, DocumentedAnswer expected) {
        Probe probe = Probe.send(request);
        int[] count = counts.computeIfAbsent(group, g -> new int[3]);
        count[0]++;
        if (expected.matches(probe)) {
            count[1]++;
            if (refusedByContainer().matches(probe) && !badRequest().matches(probe)) {
                count[2]++;
            }
        } else {
            undocumented.add(
                    request.target().substring(0, Math.min(80, request.target().length()))
                            + " "
                            + what
                            + ": wanted "
                            + expected.what()
                            + ", got "
                            + probe);
        }
    }

    private static RawRequest get(URI events) {
        return RawRequest.get(events);
    }

    private static RawRequest cursor(URI events, String cursor) {
        return get(events).header("Last-Event-ID", cursor);
    }

    private static RawRequest rawHeader(URI events, String value) {
        return get(events).header("Last-Event-ID", value.getBytes(StandardCharsets.ISO_8859_1));
    }

    private static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
