package org.resumablesse.it;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.resumablesse.SessionDirectory;

/**
 * Test deployments only: {@code GET api/probe/sessions} answers how many sessions the module holds,
 * read in one call ({@link SessionDirectory#sessionCount()}), unlike the sum of the two session
 * gauges, whose values are read one after the other and can count a session that changed between
 * them twice. Never part of the demo WAR.
 */
@Path("probe/sessions")
@RequestScoped
public class SessionCountResource {

    @Inject SessionDirectory sessions;

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String count() {
        return Integer.toString(sessions.sessionCount());
    }
}
