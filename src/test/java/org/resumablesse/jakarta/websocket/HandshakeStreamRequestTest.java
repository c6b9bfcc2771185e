package org.resumablesse.jakarta.websocket;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.websocket.server.HandshakeRequest;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HandshakeStreamRequestTest {

    private static HandshakeRequest handshake(
            Map<String, List<String>> headers, Map<String, List<String>> query, URI uri) {
        return (HandshakeRequest)
                Proxy.newProxyInstance(
                        HandshakeStreamRequestTest.class.getClassLoader(),
                        new Class<?>[] {HandshakeRequest.class},
                        (proxy, method, args) ->
                                switch (method.getName()) {
                                    case "getHeaders" -> headers;
                                    case "getParameterMap" -> query;
                                    case "getRequestURI" -> uri;
                                    default -> null;
                                });
    }

    private static HandshakeStreamRequest request(Map<String, List<String>> headers) {
        return new HandshakeStreamRequest(
                handshake(headers, Map.of(), URI.create("/app/sse/events/ws")),
                "/app/sse/events",
                null);
    }

    @Test
    void readsTheNamedCookieFromAnyCookieHeaderWhateverTheHeaderNamesCase() {
        HandshakeStreamRequest request =
                request(Map.of("cookie", List.of("a=1; sse-session=\"tok\"", "b=2")));

        assertThat(request.cookie("sse-session")).isEqualTo("tok");
        assertThat(request.cookie("b")).isEqualTo("2");
        assertThat(request.cookie("sse")).isNull();
    }

    @Test
    void readsHeadersCaseInsensitivelyAndRepeatedQueryValuesInOrder() {
        HandshakeStreamRequest request =
                new HandshakeStreamRequest(
                        handshake(
                                Map.of("x-sse-session-id", List.of("t1")),
                                Map.of("topic", List.of("a", "b"), "lastEventId", List.of("c")),
                                URI.create("wss://host/app/sse/events/ws")),
                        "/app/sse/events",
                        "192.0.2.7");

        assertThat(request.header("X-SSE-Session-ID")).isEqualTo("t1");
        assertThat(request.queryValues("topic")).containsExactly("a", "b");
        assertThat(request.query("lastEventId")).isEqualTo("c");
        assertThat(request.query("missing")).isNull();
        assertThat(request.secure()).isTrue();
        assertThat(request.remoteAddress()).isEqualTo("192.0.2.7");
        assertThat(request.user()).isNull();
    }

    @Test
    void scopesTheCookieToTheEventStreamsPath() {
        assertThat(HandshakeAdmission.streamPath(URI.create("/app/sse/events/ws")))
                .isEqualTo("/app/sse/events");
        assertThat(HandshakeAdmission.streamPath(URI.create("ws://h:1/sse/events/ws?x=1")))
                .isEqualTo("/sse/events");
        assertThat(HandshakeAdmission.streamPath(null)).isEqualTo("/");
    }
}
