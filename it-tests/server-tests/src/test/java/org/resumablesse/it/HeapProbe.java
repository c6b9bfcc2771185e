package org.resumablesse.it;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * Test-only resource added to a deployment: {@code GET <app>/test/heap} answers the server's used
 * heap in bytes after a full collection, so a test can compare live heap before and after.
 */
@Path("test/heap")
public class HeapProbe {

    @GET
    @Produces(MediaType.TEXT_PLAIN)
    public String usedAfterGc() {
        Runtime runtime = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return Long.toString(runtime.totalMemory() - runtime.freeMemory());
    }
}
