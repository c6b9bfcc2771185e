package org.resumablesse.it;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.resumablesse.jakarta.ClientAddress;
import org.resumablesse.jakarta.SseSessionManager;
import org.resumablesse.jakarta.servlet.ServletStreamRequest;

/**
 * Test deployments only: rotates a session's token on demand, as an application would after its own
 * sign-in, and says what address the module reads for a JAX-RS request. Never part of the demo WAR.
 */
@Path("test/sessions")
public class SessionTokensResource {

    /**
     * Rotates the token of the session {@code session} whose stream is at {@code stream} (a raw
     * path): 204 with the new cookie in {@code Set-Cookie}, or 404 when no live session has the id.
     */
    @POST
    @Path("rotate")
    public Response rotate(
            @FormParam("session") String session,
            @FormParam("stream") String stream,
            @Context HttpServletRequest request) {
        SseSessionManager manager = CDI.current().select(SseSessionManager.class).get();
        return manager.rotateToken(session, new ServletStreamRequest(request), stream)
                .map(cookie -> Response.noContent().header(HttpHeaders.SET_COOKIE, cookie).build())
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    /** The client address the module reads for this JAX-RS request. */
    @GET
    @Path("address")
    @Produces(MediaType.TEXT_PLAIN)
    public String address() {
        return String.valueOf(ClientAddress.current());
    }
}
