package org.resumablesse.jakarta;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Mounts the stream at {@code /sse/events} in every WAR, including one without a JAX-RS application
 * of its own. In a WAR whose own application lists no classes (and so takes every resource it
 * finds), the stream is also served under that application's path, for example {@code /api/events};
 * both reach the same sessions. Move this mount with a {@code servlet-mapping} for the servlet
 * named after this class in {@code web.xml}, or leave it out with {@code
 * resumable-sse.mount=false}.
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

    /**
     * {@link #COMPONENTS}; with {@code resumable-sse.mount=false} only the event writer, so that
     * this application has no resource and answers 404 everywhere under {@code /sse} (an empty set
     * would make the runtime take every resource it finds instead).
     */
    @Override
    public Set<Class<?>> getClasses() {
        if (!BuiltInMount.enabled(ConfigProvider.getConfig())) {
            return Set.of(EncodedSseEventWriter.class);
        }
        return COMPONENTS;
    }
}
