package org.resumablesse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;

/** Every test of {@link LiveOnlyIT}, against the Servlet front at {@code sse/events}. */
@RunAsClient
class ServletLiveOnlyIT extends LiveOnlyIT {

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }
}
