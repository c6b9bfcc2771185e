package org.resumablesse.jakarta;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.Cookie;
import java.security.Principal;
import java.util.List;

/** A JAX-RS request seen as a {@link StreamRequest}. Used on the request's own thread. */
final class JaxRsStreamRequest implements StreamRequest {

    private final ContainerRequestContext request;
    private final String remoteAddress;

    /**
     * @param remoteAddress the client's address, which JAX-RS does not expose; null when unknown
     */
    JaxRsStreamRequest(ContainerRequestContext request, String remoteAddress) {
        this.request = request;
        this.remoteAddress = remoteAddress;
    }

    @Override
    public String cookie(String name) {
        Cookie cookie = request.getCookies().get(name);
        return cookie == null ? null : cookie.getValue();
    }

    @Override
    public String header(String name) {
        return request.getHeaderString(name);
    }

    @Override
    public String query(String name) {
        return request.getUriInfo().getQueryParameters().getFirst(name);
    }

    @Override
    public List<String> queryValues(String name) {
        return request.getUriInfo().getQueryParameters().getOrDefault(name, List.of());
    }

    @Override
    public String user() {
        Principal user = principal();
        return user == null ? null : user.getName();
    }

    @Override
    public Principal principal() {
        return request.getSecurityContext().getUserPrincipal();
    }

    @Override
    public String rawPath() {
        return request.getUriInfo().getAbsolutePath().getRawPath();
    }

    @Override
    public boolean secure() {
        return request.getSecurityContext().isSecure();
    }

    @Override
    public String remoteAddress() {
        return remoteAddress;
    }
}
