package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.WebSocketHandshakeException;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code resumable-sse.mount=false}: the module's own {@code /sse} mount is gone (both the event
 * stream and the WebSocket answer 404), and the application's JAX-RS path still streams.
 */
@RunAsClient
class UnmountedIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("unmounted", "deployments/unmounted.properties");
    }

    @Test
    void theBuiltInMountAnswers404WhileTheApplicationsPathStreams() throws Exception {
        // Opened as a stream, so that a mount still there fails the test instead of never ending.
        URI builtIn = demo().base().resolve(DemoClient.SERVLET_EVENTS);
        SseClient unmounted = streams.open(SseClient.to(builtIn).label("built-in"));
        assertEquals(404, unmounted.status(), unmounted::transcript);

        ExecutionException refused =
                assertThrows(
                        ExecutionException.class,
                        () -> WsClient.open(base.toURI(), "", Map.of()).close());
        assertTrue(
                refused.getCause() instanceof WebSocketHandshakeException,
                () -> "not a refused handshake: " + refused.getCause());
        assertEquals(
                404, ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode());

        SseClient stream = streams.open(demo().stream().label("app-path"));
        Connected.await(stream);
        assertEquals(200, stream.status());
    }
}
