package org.resumablesse.jakarta;

import java.security.Principal;
import java.util.List;
import org.resumablesse.AccessRequest;

/**
 * A {@link StreamRequest} as a {@link org.resumablesse.StreamAuthorizer} sees it: read-only, with
 * the topics already checked and made distinct. Used on the request's own thread.
 */
record AccessView(StreamRequest request, List<String> topics) implements AccessRequest {

    @Override
    public Principal principal() {
        return request.principal();
    }

    @Override
    public String header(String name) {
        return request.header(name);
    }

    @Override
    public boolean secure() {
        return request.secure();
    }
}
