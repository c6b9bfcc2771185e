package org.resumablesse.jakarta;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.resumablesse.StreamAuthorizer;
import org.resumablesse.core.EventRules;

/**
 * Who may open a stream and follow which topics: the CORS {@code Origin} check and the
 * application's {@link StreamAuthorizer}, asked by {@link StreamAdmission} before the engine sees
 * the request, so that a refused request gets no session, no replay and no stream, on every
 * transport.
 *
 * <p>Immutable; thread-safe when the authorizer is (its contract asks that it be).
 */
public final class StreamAccess {

    private static final Logger LOG = Logger.getLogger(StreamAccess.class.getName());

    private static final StreamAccess OPEN = new StreamAccess(CorsPolicy.off(), null);

    private final CorsPolicy cors;
    private final StreamAuthorizer authorizer;

    /**
     * @param cors the CORS rules; never null
     * @param authorizer the application's authorizer, or null to leave every topic open
     */
    public StreamAccess(CorsPolicy cors, StreamAuthorizer authorizer) {
        this.cors = cors;
        this.authorizer = authorizer;
    }

    /** No CORS and no authorizer: every origin and every topic open, as without configuration. */
    public static StreamAccess open() {
        return OPEN;
    }

    /** The CORS rules, for the headers each transport adds to its answers. */
    public CorsPolicy cors() {
        return cors;
    }

    /**
     * Checks a stream request.
     *
     * @param maxTopics the engine's topic limit: a request past it, or with a malformed topic, is
     *     left to the engine to refuse with 400 without asking the authorizer
     * @return null when the request may go on to the engine, else its refusal: 403 for an origin or
     *     topic not allowed, an in-band refusal ({@code authorizer-failed}) when the authorizer
     *     failed
     */
    StreamAdmission.Refused check(StreamRequest request, int maxTopics) {
        String origin = request.header("Origin");
        if (!cors.admits(origin, request.header("Host"))) {
            return new StreamAdmission.Refused(
                    403, null, "this origin may not open the stream (resumable-sse.cors)");
        }
        if (authorizer == null) {
            return null;
        }
        List<String> asked = request.queryValues("topic");
        // Counted as the engine counts them, repeats included, before any is read.
        if (asked.isEmpty() || asked.size() > maxTopics) {
            return null;
        }
        List<String> topics = List.copyOf(new LinkedHashSet<>(asked));
        if (!topics.stream().allMatch(EventRules::isValidTopic)) {
            return null;
        }
        Collection<String> allowed;
        try {
            allowed = authorizer.allowedTopics(new AccessView(request, topics));
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "StreamAuthorizer failed; the stream is refused", e);
            return StreamAdmission.Refused.later(
                    503, "authorizer-failed", 5_000, "the topics could not be authorized");
        }
        List<String> denied = denied(topics, allowed);
        return denied.isEmpty()
                ? null
                : new StreamAdmission.Refused(
                        403, null, "not allowed to follow " + String.join(", ", denied));
    }

    private static List<String> denied(List<String> asked, Collection<String> allowed) {
        Set<String> granted = allowed == null ? Set.of() : new LinkedHashSet<>(allowed);
        List<String> denied = new ArrayList<>();
        for (String topic : asked) {
            if (!granted.contains(topic)) {
                denied.add(topic);
            }
        }
        return denied;
    }
}
