package org.resumablesse.it;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Test deployments only: signs a request in as the user named in {@value #HEADER}, the way a
 * container's authentication would, so the tests can check that user streams reach exactly that
 * user's connections without configuring a realm on each server. Never part of the demo WAR.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION)
public class TestUserFilter implements ContainerRequestFilter {

    static final String HEADER = "X-Test-User";

    @Override
    public void filter(ContainerRequestContext request) {
        String name = request.getHeaderString(HEADER);
        if (name == null || name.isEmpty()) {
            return;
        }
        boolean secure = request.getSecurityContext().isSecure();
        Principal user = () -> name;
        request.setSecurityContext(
                new SecurityContext() {
                    @Override
                    public Principal getUserPrincipal() {
                        return user;
                    }

                    @Override
                    public boolean isUserInRole(String role) {
                        return false;
                    }

                    @Override
                    public boolean isSecure() {
                        return secure;
                    }

                    @Override
                    public String getAuthenticationScheme() {
                        return "TEST";
                    }
                });
    }
}
