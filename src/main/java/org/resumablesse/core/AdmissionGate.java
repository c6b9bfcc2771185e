package org.resumablesse.core;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.LongSupplier;
import org.resumablesse.Audience;
import org.resumablesse.core.ConnectionRefusedException.Reason;
import org.resumablesse.spi.StoreUnavailableException;

/**
 * The engine's door: turns a stream request into an {@link Admission} under every limit that
 * applies before a stream starts (topics, {@code max-connections}, the session's own connections,
 * {@code max-new-sessions-per-address}, {@code max-sessions}), resumes or issues the session,
 * rotates tokens, and gives a connection's slots back when it ends. The engine checks that it is
 * running before it asks.
 *
 * <p>Thread-safe: its parts (the registry, the counters) are.
 */
final class AdmissionGate {

    private final EngineSettings settings;
    private final SessionRegistry sessions;
    private final TokenRotation rotation;
    private final NewSessionLimit newSessions;
    private final ConnectionSlots slots;
    private final LongSupplier sessionTime;

    /**
     * @param subscriptions the open connections, of which a rotation closes a session's
     * @param sessionTime the time the session store measures TTLs on
     */
    AdmissionGate(
            EngineSettings settings,
            SessionRegistry sessions,
            Subscriptions subscriptions,
            Ticker ticker,
            LongSupplier sessionTime) {
        this.settings = settings;
        this.sessions = sessions;
        this.sessionTime = sessionTime;
        this.rotation = new TokenRotation(sessions, subscriptions, sessionTime);
        this.newSessions =
                new NewSessionLimit(
                        settings.maxNewSessionsPerAddress(),
                        settings.newSessionInterval().toNanos(),
                        settings.maxSessions(),
                        ticker);
        this.slots = new ConnectionSlots(settings.maxConnections());
    }

    /** See {@link SseEngine#admit(String, String, Collection, String, String, String)}. */
    Admission admit(
            String token,
            String cursorText,
            Collection<String> topics,
            String user,
            String binding,
            String address) {
        Set<Audience> streams = streams(topics, user);
        if (!slots.tryTake()) {
            throw new ConnectionRefusedException(
                    Reason.TOO_MANY_CONNECTIONS_IN_TOTAL,
                    "the server has max-connections open already");
        }
        try {
            if (!settings.reconnectionEnabled()) {
                return new Admission(null, null, false, streams, null);
            }
            return admitToSession(token, cursorText, streams, user, binding, address);
        } catch (RuntimeException e) {
            slots.giveBack();
            if (e instanceof StoreUnavailableException) {
                throw new ConnectionRefusedException(
                        Reason.STORE_UNAVAILABLE, "the session store cannot be reached");
            }
            throw e;
        }
    }

    /** See {@link SseEngine#rotateToken}. */
    Optional<String> rotate(String sessionId, String user, String binding) {
        if (!settings.reconnectionEnabled() || !SessionIds.isWellFormed(sessionId)) {
            return Optional.empty();
        }
        return rotation.onDemand(sessionId, user, binding);
    }

    /**
     * Gives back what an admission held: its connection slot, and its place in its session.
     *
     * @param session the admission's session, or null with reconnection disabled
     */
    void release(Session session) {
        slots.giveBack();
        if (session != null) {
            sessions.detach(session, sessionTime.getAsLong());
        }
    }

    private Admission admitToSession(
            String token,
            String cursorText,
            Set<Audience> streams,
            String user,
            String binding,
            String address) {
        Optional<SessionRegistry.Resumed> found = sessions.resume(token, user, binding);
        Optional<Session> resumed = found.map(SessionRegistry.Resumed::session);
        if (resumed.isPresent()
                && sessions.attach(
                                resumed.get(),
                                settings.maxConnectionsPerSession(),
                                sessionTime.getAsLong())
                        == Session.Attach.ATTACHED) {
            Optional<String> kept =
                    found.get().signedIn()
                            ? rotation.afterSignIn(resumed.get(), user, binding)
                            : Optional.of(token);
            if (kept.isPresent()) {
                streams.add(resumed.get().stream());
                return new Admission(
                        resumed.get(), kept.get(), false, streams, blankToNull(cursorText));
            }
        } else if (resumed.isPresent() && !resumed.get().isExpired()) {
            throw new ConnectionRefusedException(
                    Reason.TOO_MANY_CONNECTIONS,
                    "this session has "
                            + settings.maxConnectionsPerSession()
                            + " connections open already");
        }
        long wait = newSessions.tryCount(address);
        if (wait > 0) {
            throw new ConnectionRefusedException(
                    Reason.TOO_MANY_NEW_SESSIONS,
                    "this address was issued max-new-sessions-per-address sessions already",
                    wait);
        }
        SessionRegistry.Issued issued =
                sessions.issue(sessionTime.getAsLong(), user, binding)
                        .orElseThrow(
                                () ->
                                        new ConnectionRefusedException(
                                                Reason.TOO_MANY_SESSIONS,
                                                "the server holds max-sessions already"));
        streams.add(issued.session().stream());
        return new Admission(
                issued.session(), issued.token(), true, streams, blankToNull(cursorText));
    }

    private Set<Audience> streams(Collection<String> topics, String user) {
        // Counted before any is read, so that a thousand topics cost no more than one too many.
        if (topics.size() > settings.maxTopicsPerConnection()) {
            throw new ConnectionRefusedException(
                    Reason.BAD_REQUEST,
                    "at most " + settings.maxTopicsPerConnection() + " topics per connection");
        }
        Set<Audience> streams = new LinkedHashSet<>();
        streams.add(Audience.everyone());
        for (String topic : topics) {
            if (!EventRules.isValidTopic(topic)) {
                throw new ConnectionRefusedException(
                        Reason.BAD_REQUEST,
                        "topic must match [A-Za-z0-9._:/-]{1,128}, got " + EventRules.quote(topic));
            }
            streams.add(Audience.topic(topic));
        }
        if (user != null && !user.isEmpty()) {
            streams.add(Audience.user(user));
        }
        return streams;
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }
}
