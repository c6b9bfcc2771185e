package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;

/**
 * The Java client inside the server, on the server's own JAX-RS client (Jersey on Payara, RESTEasy
 * on OpenLiberty), through {@link ClientProbeResource}.
 */
@RunAsClient
class InServerClientIT extends ServerIT {

    @Deployment(testable = false)
    static WebArchive deployment() {
        return Deployments.demo("inserver", "deployments/stream.properties")
                .addClass(ClientProbeResource.class);
    }

    @Test
    void theClientRunsInsideTheServerAndResumesFromAStoredCursor() {
        String topic = Names.unique("inside");
        String cursor = demo().toTopic(topic, topic, "before");
        String second = demo().toTopic(topic, topic, "missed");
        String third = demo().broadcast(topic, "missed too");

        DemoClient.Answer answer =
                demo().get(
                                demo().base()
                                        .resolve(
                                                "api/probe/client?count=2&topic="
                                                        + topic
                                                        + "&from="
                                                        + cursor));

        assertEquals(200, answer.status(), answer::toString);
        assertEquals(second + "\n" + third, answer.body(), answer::toString);
    }
}
