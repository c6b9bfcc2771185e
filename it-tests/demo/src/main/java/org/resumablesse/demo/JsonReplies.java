package org.resumablesse.demo;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** Small JSON answers of the demo endpoints, built with JSON-P so that no library is added. */
final class JsonReplies {

    private JsonReplies() {}

    static Response json(Response.Status status, JsonObject body) {
        return Response.status(status)
                .type(MediaType.APPLICATION_JSON)
                .entity(body.toString())
                .build();
    }

    static Response error(Response.Status status, String message) {
        return json(status, Json.createObjectBuilder().add("error", message).build());
    }
}
