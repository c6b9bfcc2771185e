package org.resumablesse.it;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * The answers that docs/reference/http-endpoints.md and protocol.md promise to a stream request, as
 * checks on a {@link Probe}. The fault suite's hostile-input scenario asks only these whether an
 * answer was the documented one, so a change of a documented answer (for example a refusal turned
 * into {@code 200} with an in-band event) is made here and nowhere else.
 *
 * @param what the answer in words, for failure messages
 * @param test whether a probe got it
 */
record DocumentedAnswer(String what, Predicate<Probe> test) {

    /** Whether the probe got this answer. */
    boolean matches(Probe probe) {
        return test.test(probe);
    }

    /** This answer or that one. */
    DocumentedAnswer or(DocumentedAnswer other) {
        return new DocumentedAnswer(what + ", or " + other.what, test.or(other.test));
    }

    /**
     * A cursor the server cannot use: {@code 200}, and {@code connected} says {@code reconnection:
     * true}, {@code recovered: false}, this reason, nothing replayed.
     */
    static DocumentedAnswer cursorNotRecovered(String reason) {
        return new DocumentedAnswer(
                "200 with connected recovered:false reason " + reason,
                probe ->
                        stream(probe)
                                .filter(Connected::reconnection)
                                .filter(c -> !c.recovered() && c.replayed() == 0)
                                .filter(c -> c.reason().equals(Optional.of(reason)))
                                .isPresent());
    }

    /**
     * A usable cursor without a live session: {@code 200}, a new session, recovered from the
     * cursor, and {@code replayed} as given (what the broadcast and topic streams hold after it).
     */
    static DocumentedAnswer recoveredInNewSession(int replayed) {
        return new DocumentedAnswer(
                "200 with connected recovered:true newSession:true replayed:" + replayed,
                probe ->
                        stream(probe)
                                .filter(c -> c.recovered() && c.newSession())
                                .filter(c -> c.replayed() == replayed)
                                .isPresent());
    }

    /**
     * A token that is forged, malformed, unknown or expired is never adopted: {@code 200}, a new
     * session whose token is not the one sent; {@code newSession: true} when a cursor came too.
     */
    static DocumentedAnswer newSession(String sentToken, boolean withCursor) {
        return new DocumentedAnswer(
                "200 with a new session" + (withCursor ? " and newSession:true" : ""),
                probe ->
                        stream(probe).filter(c -> c.newSession() == withCursor).isPresent()
                                && probe.sessionToken()
                                        .filter(t -> !t.equals(sentToken))
                                        .isPresent());
    }

    /** An ordinary new visitor: {@code 200}, a session, no cursor. */
    static DocumentedAnswer admitted() {
        return new DocumentedAnswer(
                "200 with connected and a session",
                probe ->
                        stream(probe).filter(c -> !c.reconnection()).isPresent()
                                && probe.sessionToken().isPresent());
    }

    /** A malformed topic or too many topics: {@code 400} with a plain-text reason, no session. */
    static DocumentedAnswer badRequest() {
        return new DocumentedAnswer(
                "400 text/plain with a reason",
                probe ->
                        probe.status() == 400
                                && probe.header("content-type").startsWith("text/plain")
                                && !probe.body().isBlank()
                                && probe.sessionToken().isEmpty());
    }

    /**
     * A limit the client can outwait: {@code 200}, an event stream whose first event is {@code
     * refused} with one of these reasons and a {@code retry:} hint, a {@code Retry-After} header,
     * and no session (see http-endpoints.md, "Refusals").
     */
    static DocumentedAnswer refusedForAWhile(String... reasons) {
        List<String> allowed = List.of(reasons);
        return new DocumentedAnswer(
                "200 with a refused event, reason one of " + allowed,
                probe ->
                        probe.status() == 200
                                && probe.header("content-type").startsWith("text/event-stream")
                                && !probe.header("retry-after").isEmpty()
                                && probe.body().contains("\nretry: ")
                                && allowed.stream()
                                        .anyMatch(
                                                reason ->
                                                        probe.body().contains("event: refused\n")
                                                                && probe.body()
                                                                        .contains(
                                                                                "\"reason\":\""
                                                                                        + reason
                                                                                        + "\""))
                                && probe.sessionToken().isEmpty());
    }

    /**
     * The container refused the request head before the module saw it (see http-endpoints.md,
     * "Requests the container refuses"): {@code 400}, no stream, no session.
     */
    static DocumentedAnswer refusedByContainer() {
        return new DocumentedAnswer(
                "400 from the container",
                probe ->
                        probe.status() == 400
                                && !probe.header("content-type").startsWith("text/event-stream")
                                && probe.sessionToken().isEmpty());
    }

    private static Optional<Connected> stream(Probe probe) {
        if (probe.status() != 200
                || !probe.header("content-type").startsWith("text/event-stream")) {
            return Optional.empty();
        }
        return probe.connected();
    }
}
