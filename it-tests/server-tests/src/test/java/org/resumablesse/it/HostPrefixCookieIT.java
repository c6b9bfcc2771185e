package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * {@code cookie.host-prefix=true}: the session cookie is {@code __Host-sse-session-id} with Path=/,
 * Secure and no Domain, even over plain HTTP (a browser keeps it only over HTTPS or, in some
 * browsers, on localhost), and the prefixed cookie resumes the session.
 */
@RunAsClient
class HostPrefixCookieIT extends ServerIT {

    private static final String NAME = "__Host-" + SseClient.SESSION_COOKIE;

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("hostprefix", "deployments/host-prefix.properties");
    }

    @Test
    void theCookieIsHostPrefixedRootPathSecureAndResumesTheSession() {
        SseClient first = streams.open(demo().stream().label("first"));
        String session = Connected.await(first).sessionId();

        List<String> cookies = first.setCookies();
        assertEquals(1, cookies.size(), cookies::toString);
        assertTrue(cookies.get(0).startsWith(NAME + "="), cookies::toString);
        Map<String, String> attributes = SessionAndProtocolIT.cookieAttributes(cookies.get(0));
        assertEquals("/", attributes.get("path"), cookies::toString);
        assertTrue(attributes.containsKey("secure"), cookies::toString);
        assertTrue(attributes.containsKey("httponly"), cookies::toString);
        assertFalse(attributes.containsKey("domain"), cookies::toString);
        String token = first.cookie(NAME).orElseThrow();
        String cursor = first.drop();

        SseClient back =
                streams.open(
                        demo().stream()
                                .header("Cookie", NAME + "=" + token)
                                .lastEventId(cursor)
                                .label("back"));
        Connected connected = Connected.await(back);

        assertEquals(session, connected.sessionId(), back::transcript);
        assertFalse(connected.newSession(), back::transcript);
    }
}
