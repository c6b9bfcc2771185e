package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.Optional;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code max-new-sessions-per-address} (3 per 3 s here) and {@code max-replay-events} (5) on the
 * JAX-RS stream: a client past the first is answered in-band and let in once it waited, a reconnect
 * that missed more than the second is told of an overflow gap. Runs on both servers.
 */
@RunAsClient
class NewSessionLimitIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("new-sessions", "deployments/new-sessions.properties");
    }

    @Test
    void aFourthNewSessionFromOneAddressIsRefusedInBandAndALaterRequestIsLetIn() {
        Refusals.admitted(streams, () -> demo().stream().label("first"));
        SseClient refused = null;
        for (int i = 0; i < 4 && refused == null; i++) {
            SseClient stream = streams.open(demo().stream().label("new " + i));
            if (stream.awaitEvent(
                            e -> e.name().equals("connected") || e.name().equals("refused"),
                            Timeouts.DEFAULT)
                    .name()
                    .equals("refused")) {
                refused = stream;
            }
        }
        assertTrue(refused != null, "a new session past the limit within one interval");

        long retry = Refusals.assertRefused(refused, "max-new-sessions-per-address");
        assertTrue(retry > 0 && retry <= 3000, () -> "until the interval ends: " + retry);
        SseClient later = Refusals.admitted(streams, () -> demo().stream().label("later"));
        assertTrue(later.cookie(SseClient.SESSION_COOKIE).isPresent(), later::toString);
    }

    @Test
    void aWebSocketHandshakeCountsAgainstTheSameAddressAndIsClosedWith4429() throws Exception {
        int code = -1;
        String reason = "";
        for (int i = 0; i < 5 && code != 4429; i++) {
            try (WsClient ws = WsClient.open(base.toURI(), "", Map.of())) {
                ws.awaitConnectedOrClose();
                code = ws.closeCode();
                reason = ws.closeReason();
            }
        }

        assertEquals(4429, code, "a new session past the limit within one interval");
        assertTrue(reason.contains("\"reason\":\"max-new-sessions-per-address\""), reason);
    }

    @Test
    void aReconnectThatMissedMoreThanMaxReplayEventsIsToldOverflow() {
        SseClient first = Refusals.admitted(streams, () -> demo().stream().label("first"));
        String cursor = Connected.await(first).id();
        String token = first.sessionToken();
        first.drop();
        String name = Names.unique("missed");
        for (int i = 0; i < 6; i++) {
            demo().broadcast(name, "missed " + i);
        }

        SseClient back =
                streams.open(
                        demo().stream().sessionCookie(token).lastEventId(cursor).label("back"));
        Connected connected = Connected.await(back);

        assertFalse(connected.recovered(), connected::toString);
        assertEquals(Optional.of("overflow"), connected.reason(), connected::toString);
        assertTrue(back.events(Sse.named(name)).isEmpty(), back::transcript);
    }
}
