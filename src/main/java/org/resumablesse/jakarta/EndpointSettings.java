package org.resumablesse.jakarta;

import java.util.Locale;

/**
 * The HTTP side's settings: the session cookie. Immutable; built by {@link SettingsReader}.
 *
 * @param cookieName the session cookie's name
 * @param cookiePath the cookie's Path, or empty for the stream endpoint's own path
 * @param sameSite Strict, Lax or None (None always adds Secure, as browsers require)
 * @param secure when to mark the cookie Secure
 */
public record EndpointSettings(
        String cookieName, String cookiePath, String sameSite, SecureMode secure) {

    /** When the session cookie carries the Secure attribute. */
    public enum SecureMode {
        /** When the request came over HTTPS (as the container sees it). */
        AUTO,
        ALWAYS,
        NEVER;

        static SecureMode parse(String text) {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        }
    }

    /**
     * The defaults: cookie {@code sse-session-id}, Path of the endpoint, SameSite Lax, Secure when
     * secure.
     */
    public static EndpointSettings defaults() {
        return new EndpointSettings("sse-session-id", "", "Lax", SecureMode.AUTO);
    }
}
