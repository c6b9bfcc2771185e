package org.resumablesse.jakarta;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;

/**
 * Mounts the stream at {@code /sse/events} in every WAR, including one without a JAX-RS application
 * of its own. In a WAR whose own application lists no classes (and so takes every resource it
 * finds), the stream is also served under that application's path, for example {@code /api/events};
 * both reach the same sessions. Move this mount with a {@code servlet-mapping} for the servlet
 * named after this class in {@code web.xml}.
 */
@ApplicationPath("/sse")
public class ResumableSseApplication extends Application {

    /**
     * The classes the stream needs in a JAX-RS application. An application whose {@code
     * getClasses()} lists its classes adds these to serve the stream under its own path.
     */
    public static final Set<Class<?>> COMPONENTS =
            Set.of(
                    EventStreamResource.class,
                    StreamAdmissionFilter.class,
                    EncodedSseEventWriter.class);

    @Override
    public Set<Class<?>> getClasses() {
        return COMPONENTS;
    }
}
