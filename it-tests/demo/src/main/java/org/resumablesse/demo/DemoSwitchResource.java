package org.resumablesse.demo;

import static org.resumablesse.demo.JsonReplies.error;
import static org.resumablesse.demo.JsonReplies.json;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Response.Status;
import java.time.Duration;

/**
 * Switches for browser tests, applied by {@link StreamSwitchFilter}: {@code POST /api/demo/outage}
 * (form field {@code seconds}, 0 to 300) makes the stream answer 503 for that long; {@code POST
 * /api/demo/streams/close} ends every open stream from the server side. Both answer 200 with JSON.
 */
@Path("demo")
@RequestScoped
public class DemoSwitchResource {

    private static final int MAX_OUTAGE_SECONDS = 300;

    @Inject StreamSwitches switches;

    @POST
    @Path("outage")
    @Produces(MediaType.APPLICATION_JSON)
    public Response outage(@FormParam("seconds") String seconds) {
        int length;
        try {
            length = Integer.parseInt(seconds == null ? "" : seconds.trim());
        } catch (NumberFormatException e) {
            length = -1;
        }
        if (length < 0 || length > MAX_OUTAGE_SECONDS) {
            return error(
                    Status.BAD_REQUEST,
                    "'seconds' must be a whole number from 0 to " + MAX_OUTAGE_SECONDS);
        }
        switches.startOutage(Duration.ofSeconds(length));
        return json(Status.OK, Json.createObjectBuilder().add("outageSeconds", length).build());
    }

    @POST
    @Path("streams/close")
    @Produces(MediaType.APPLICATION_JSON)
    public Response closeStreams() {
        int closed = switches.closeAll();
        return json(Status.OK, Json.createObjectBuilder().add("closed", closed).build());
    }
}
