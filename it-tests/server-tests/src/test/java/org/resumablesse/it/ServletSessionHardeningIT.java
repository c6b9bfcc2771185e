package org.resumablesse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;

/** Every test of {@link SessionHardeningIT}, against the Servlet front at {@code sse/events}. */
@RunAsClient
class ServletSessionHardeningIT extends SessionHardeningIT {

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }
}
