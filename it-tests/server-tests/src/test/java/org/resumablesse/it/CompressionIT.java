package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.resumablesse.it.Sse.named;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.zip.GZIPInputStream;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.resumablesse.testkit.WhatwgEventStreamParser;

/**
 * With {@code resumable-sse.compression=gzip}, a client that accepts gzip gets the stream
 * compressed, and decoding it as it arrives (each write is sync-flushed) gives a browser-grade
 * parser exactly the events a client without gzip gets. Prints the bytes on the wire for JSON
 * events.
 */
@RunAsClient
class CompressionIT extends ServerIT {

    private static final int EVENTS = 100;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("gzip", "deployments/gzip.properties");
    }

    @Test
    void aClientThatAcceptsGzipReadsTheSameEventsFromFewerBytes() throws Exception {
        URI events = demo().base().resolve(DemoClient.SERVLET_EVENTS);
        SseClient plain = streams.open(SseClient.to(events).label("plain"));
        Connected.await(plain);
        assertTrue(plain.header("Content-Encoding").isEmpty(), "no gzip unless asked for");
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<InputStream> response =
                http.send(
                        HttpRequest.newBuilder(events)
                                .header("Accept", "text/event-stream")
                                .header("Accept-Encoding", "gzip")
                                .build(),
                        HttpResponse.BodyHandlers.ofInputStream());
        assertEquals("gzip", response.headers().firstValue("Content-Encoding").orElse(null));
        Counting wire = new Counting(response.body());
        try (GZIPInputStream decoded = new GZIPInputStream(wire)) {
            String name = Names.unique("order");
            CompletableFuture<List<WhatwgEventStreamParser.Event>> read =
                    CompletableFuture.supplyAsync(() -> readEvents(decoded, name));
            for (int i = 0; i < EVENTS; i++) {
                demo().broadcast(
                                name,
                                "{\"order\":" + i + ",\"status\":\"shipped\",\"carrier\":\"DHL\"}");
            }

            List<SseEvent> expected = plain.awaitEvents(named(name), EVENTS, Timeouts.DEFAULT);
            List<WhatwgEventStreamParser.Event> got =
                    read.get(Timeouts.DEFAULT.toMillis(), TimeUnit.MILLISECONDS);
            assertEquals(Sse.ids(expected), got.stream().map(e -> e.lastEventId()).toList());
            for (int i = 0; i < EVENTS; i++) {
                assertEquals(expected.get(i).data(), got.get(i).data());
            }
            long plainBytes =
                    expected.stream().mapToLong(e -> e.data().length() + name.length() + 58).sum();
            System.out.printf(
                    "CompressionIT: %d JSON events, about %d bytes plain, %d bytes gzip on the"
                            + " wire (with the connected event)%n",
                    EVENTS, plainBytes, wire.count);
            assertTrue(wire.count < plainBytes / 2, () -> "gzip took " + wire.count);
        } finally {
            response.body().close();
        }
    }

    /** Reads decoded text until the stream holds every event of this name, and parses it. */
    private static List<WhatwgEventStreamParser.Event> readEvents(InputStream in, String name) {
        StringBuilder text = new StringBuilder();
        byte[] buffer = new byte[8192];
        try {
            while (true) {
                int n = in.read(buffer);
                if (n < 0) {
                    throw new AssertionError("the stream ended: " + text);
                }
                text.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                List<WhatwgEventStreamParser.Event> events = new ArrayList<>();
                for (WhatwgEventStreamParser.Event event :
                        WhatwgEventStreamParser.parse(text.toString()).events()) {
                    if (event.type().equals(name)) {
                        events.add(event);
                    }
                }
                if (events.size() >= EVENTS) {
                    return events;
                }
            }
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    /** Counts the bytes that came over the wire. */
    private static final class Counting extends FilterInputStream {
        volatile long count;

        Counting(InputStream in) {
            super(in);
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            count += b < 0 ? 0 : 1;
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            count += Math.max(0, n);
            return n;
        }
    }
}
