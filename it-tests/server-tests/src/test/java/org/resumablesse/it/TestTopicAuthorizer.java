package org.resumablesse.it;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Collection;
import org.resumablesse.AccessRequest;
import org.resumablesse.StreamAuthorizer;

/**
 * Test deployments only: topics under {@value #PRIVATE}{@code <user>/} may be followed only by that
 * user (signed in by {@link TestUserFilter}); every other topic is open. Never part of the demo
 * WAR.
 */
@ApplicationScoped
public class TestTopicAuthorizer implements StreamAuthorizer {

    static final String PRIVATE = "private/";

    @Override
    public Collection<String> allowedTopics(AccessRequest request) {
        String user = request.userName();
        return request.topics().stream()
                .filter(t -> !t.startsWith(PRIVATE) || t.startsWith(PRIVATE + user + "/"))
                .toList();
    }

    /** A topic only this user may follow. */
    static String privateTopic(String user) {
        return Names.unique(PRIVATE + user + "/t");
    }
}
