package org.resumablesse.it;

import java.io.File;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;

/**
 * Builds deployments from the demo WAR that the demo module produced, so that the tests run the
 * exact archive users run. Only the module's settings file changes from one deployment to another.
 */
public final class Deployments {

    private static final String SETTINGS = "META-INF/microprofile-config.properties";

    private Deployments() {}

    /**
     * The demo WAR under another name (its context root) with the settings from a test resource.
     *
     * @param name the archive name without {@code .war}; also the context root
     * @param settings a resource under {@code src/test/resources}, e.g. {@code
     *     deployments/stream.properties}
     */
    public static WebArchive demo(String name, String settings) {
        WebArchive war = ShrinkWrap.create(WebArchive.class, name + ".war").merge(demoWar());
        war.delete("/WEB-INF/classes/" + SETTINGS);
        return war.addAsResource(settings, SETTINGS);
    }

    /**
     * A WAR with nothing but the library in {@code WEB-INF/lib}: no JAX-RS application, no classes,
     * no settings, as a user's WAR is right after adding the dependency.
     */
    public static WebArchive bare(String name) {
        return ShrinkWrap.create(WebArchive.class, name + ".war")
                .addAsLibrary(existingFile("library.jar"));
    }

    private static File existingFile(String property) {
        String path = System.getProperty(property);
        if (path == null || !new File(path).isFile()) {
            throw new IllegalStateException(
                    "system property " + property + " must name a built file; it is " + path);
        }
        return new File(path);
    }

    private static WebArchive demoWar() {
        return ShrinkWrap.createFromZipFile(WebArchive.class, existingFile("demo.war"));
    }
}
