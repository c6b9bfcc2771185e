package org.resumablesse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;

/** Every test of {@link SessionAndProtocolIT}, against the Servlet front at {@code sse/events}. */
@RunAsClient
class ServletSessionAndProtocolIT extends SessionAndProtocolIT {

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }
}
