package org.resumablesse.jakarta;

import jakarta.enterprise.inject.Instance;
import java.util.stream.Collectors;
import org.resumablesse.StreamAuthorizer;

/**
 * Finds the application's {@link StreamAuthorizer} at deployment: none leaves topics open, one is
 * used, several fail the deployment with their classes named, since picking one would be a guess.
 */
final class AuthorizerLookup {

    private AuthorizerLookup() {}

    /**
     * @return the one authorizer bean, or null when there is none
     * @throws IllegalStateException when several beans qualify
     */
    static StreamAuthorizer resolve(Instance<StreamAuthorizer> beans) {
        if (beans.isUnsatisfied()) {
            return null;
        }
        if (beans.isAmbiguous()) {
            String classes =
                    beans.handlesStream()
                            .map(handle -> handle.getBean().getBeanClass().getName())
                            .sorted()
                            .collect(Collectors.joining(", "));
            throw new IllegalStateException(
                    "Invalid Resumable SSE setup: the application has several StreamAuthorizer"
                            + " beans ("
                            + classes
                            + "); keep one, or make one an @Alternative with a @Priority");
        }
        return beans.get();
    }
}
