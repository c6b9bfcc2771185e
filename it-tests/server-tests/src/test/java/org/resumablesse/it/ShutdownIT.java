package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A container platform stops a server with SIGTERM. Every open stream must then get its last {@code
 * retry:} hint before it closes, so clients come back after the restart instead of waiting out the
 * browser's default delay. Runs against a server process of its own.
 */
class ShutdownIT {

    @Test
    void aSigtermSendsEveryOpenStreamALastRetryHintBeforeItCloses() throws Exception {
        try (StandaloneServer server = StandaloneServer.start("shutdown-it");
                OpenStreams streams = new OpenStreams()) {
            List<SseClient> clients =
                    List.of(
                            streams.open(SseClient.to(server.base().resolve("api/events"))),
                            streams.open(SseClient.to(server.base().resolve("sse/events"))));
            clients.forEach(SseClient::awaitConnected);

            server.terminate(Timeouts.seconds(90));

            for (SseClient client : clients) {
                client.awaitEnd(Timeouts.DEFAULT);
                // RESTEasy opens a stream with empty lines, which a parser ignores.
                String transcript = client.transcript();
                assertTrue(
                        transcript.matches("(?s)\\n*event: connected\n.*\n\nretry: \\d+\n\n"),
                        () -> "the stream ends with a bare retry hint: " + transcript);
            }
        }
    }
}
