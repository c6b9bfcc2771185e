package org.resumablesse.it;

import org.jboss.arquillian.container.test.api.RunAsClient;

/** Every test of {@link JavaClientIT}, against the Servlet front at {@code sse/events}. */
@RunAsClient
class ServletJavaClientIT extends JavaClientIT {

    @Override
    String eventsPath() {
        return DemoClient.SERVLET_EVENTS;
    }
}
