package org.resumablesse.jakarta;

import java.util.Locale;
import org.eclipse.microprofile.config.Config;

/**
 * Which transport serves the library's own stream mount and how much the Servlet transport lets the
 * container buffer per connection. Immutable; read by {@link SettingsReader}.
 *
 * @param mode the {@code resumable-sse.transport} choice
 * @param maxBufferedBytes the {@code resumable-sse.max-buffered-bytes} bound, at least 1024
 * @param gzip whether {@code resumable-sse.compression} is {@code gzip}
 */
public record TransportSettings(Mode mode, int maxBufferedBytes, boolean gzip) {

    /** The values of {@code resumable-sse.transport}. */
    public enum Mode {
        /** The Servlet transport where the Servlet API is available, else JAX-RS. */
        AUTO,
        /** The Servlet transport; the deployment fails without the Servlet API. */
        SERVLET,
        /** The JAX-RS {@code SseEventSink} everywhere. */
        JAXRS;

        static Mode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /** The defaults: auto, 64 KiB, no compression. */
    public static TransportSettings defaults() {
        return new TransportSettings(Mode.AUTO, 65536, false);
    }

    /**
     * Reads the settings; a bad value throws {@link IllegalStateException} naming the key.
     *
     * @param config the application's configuration
     */
    public static TransportSettings read(Config config) {
        return new SettingsReader(config).transport();
    }

    /** Whether the Servlet front should serve {@code /sse/events}. */
    public boolean servletFront() {
        return mode != Mode.JAXRS;
    }
}
