package org.resumablesse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;

/** Every test of {@link AccessIT}, against the Servlet front at {@code sse/events}. */
@RunAsClient
class ServletAccessIT extends AccessIT {

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }
}
