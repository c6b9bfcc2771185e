package org.resumablesse.demo;

import static org.resumablesse.demo.JsonReplies.error;
import static org.resumablesse.demo.JsonReplies.json;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.util.Optional;
import org.resumablesse.SessionDirectory;
import org.resumablesse.SessionInfo;

/**
 * {@code GET /api/demo/sessions/{id}}: whether the module still holds a session, by its public id.
 * 200 with {@code {"sessionId":"...","openConnections":n}}, or 404 once it has expired.
 */
@Path("demo/sessions")
@RequestScoped
public class DemoSessionResource {

    @Inject SessionDirectory sessions;

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response find(@PathParam("id") String id) {
        Optional<SessionInfo> info = sessions.find(id);
        if (info.isEmpty()) {
            return error(Status.NOT_FOUND, "no such session");
        }
        return json(
                Status.OK,
                Json.createObjectBuilder()
                        .add("sessionId", info.get().sessionId())
                        .add("openConnections", info.get().openConnections())
                        .build());
    }
}
