package org.resumablesse.jakarta;

import org.eclipse.microprofile.config.Config;

/**
 * Whether the module mounts the stream itself under {@code /sse} ({@code resumable-sse.mount}): the
 * Servlet front at {@code /sse/events}, the JAX-RS application at {@code /sse} and the WebSocket
 * stream at {@code /sse/events/ws}. Off, only the application's own JAX-RS path serves the stream.
 * Stateless.
 */
public final class BuiltInMount {

    private BuiltInMount() {}

    /**
     * Reads the setting; a bad value throws {@link IllegalStateException} naming the key.
     *
     * @param config the application's configuration
     */
    public static boolean enabled(Config config) {
        return new SettingsReader(config).mounted();
    }
}
