package org.resumablesse.jakarta;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.concurrent.ConcurrentHashMap;
import org.resumablesse.core.Admission;
import org.resumablesse.core.SseEngine;

/**
 * Carries an admission from {@link StreamAdmissionFilter}, which must decide the session before the
 * response headers are written, to {@link EventStreamResource}, which opens the stream. JAX-RS
 * gives a resource method no portable access to request properties, so the filter puts a one-time
 * random ticket in a request header the resource reads. A ticket not taken by the end of the
 * request is given back. Thread-safe.
 */
final class AdmissionTickets {

    private final ConcurrentHashMap<String, Admission> pending = new ConcurrentHashMap<>();
    private final SecureRandom random = new SecureRandom();

    String issue(Admission admission) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String ticket = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        pending.put(ticket, admission);
        return ticket;
    }

    /** The admission for a ticket, once; null for an unknown or spent ticket. */
    Admission take(String ticket) {
        return ticket == null ? null : pending.remove(ticket);
    }

    /** Gives back the connection slot of a ticket the resource never took. */
    void discard(String ticket, SseEngine engine) {
        Admission admission = take(ticket);
        if (admission != null) {
            engine.cancel(admission);
        }
    }
}
