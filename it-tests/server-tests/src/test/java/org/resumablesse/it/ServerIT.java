package org.resumablesse.it;

import java.net.URL;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What every integration test class shares: it runs as a client of the deployed WAR, opens its
 * streams through {@link #streams} so they are all closed after each test, and reaches the demo's
 * endpoints through {@link #demo()}, whose stream is at {@link #eventsPath()}. Each subclass names
 * its own deployment.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
abstract class ServerIT {

    @ArquillianResource URL base;

    final OpenStreams streams = new OpenStreams();

    @AfterEach
    void closeStreams() {
        streams.close();
    }

    /**
     * The stream's path under the deployment: the demo's JAX-RS application. The {@code Servlet*IT}
     * subclasses run the same tests against the Servlet front at {@code sse/events}.
     */
    String eventsPath() {
        return DemoClient.JAXRS_EVENTS;
    }

    DemoClient demo() {
        return new DemoClient(base, eventsPath());
    }
}
