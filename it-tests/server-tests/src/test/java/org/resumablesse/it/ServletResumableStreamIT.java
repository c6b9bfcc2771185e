package org.resumablesse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;

/** Every test of {@link ResumableStreamIT}, against the Servlet front at {@code sse/events}. */
@RunAsClient
class ServletResumableStreamIT extends ResumableStreamIT {

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }
}
