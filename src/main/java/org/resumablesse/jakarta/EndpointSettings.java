package org.resumablesse.jakarta;

import java.util.Locale;

/**
 * The HTTP side's settings: the session cookie and what a session is bound to. Immutable; built by
 * {@link SettingsReader}.
 *
 * @param cookieName the session cookie's name, without the {@code __Host-} prefix
 * @param cookiePath the cookie's Path, or empty for the stream endpoint's own path
 * @param sameSite Strict, Lax or None (None always adds Secure, as browsers require)
 * @param secure when to mark the cookie Secure
 * @param trustForwardedProto whether {@code Forwarded: proto=https} or {@code X-Forwarded-Proto:
 *     https} makes a request count as secure for {@link SecureMode#AUTO}
 * @param hostPrefix whether the cookie is named {@code __Host-<name>}, with Path=/ and Secure
 * @param bindUserAgent whether a session's token is accepted only with the User-Agent it was issued
 *     to
 * @param bindAddress whether a session's token is accepted only from the address it was issued to
 */
public record EndpointSettings(
        String cookieName,
        String cookiePath,
        String sameSite,
        SecureMode secure,
        boolean trustForwardedProto,
        boolean hostPrefix,
        boolean bindUserAgent,
        boolean bindAddress) {

    /** The prefix browsers reserve for Secure, Path=/, host-only cookies. */
    public static final String HOST_PREFIX = "__Host-";

    /** Settings with none of the optional hardening: no forwarded scheme, no prefix, no binding. */
    public EndpointSettings(
            String cookieName, String cookiePath, String sameSite, SecureMode secure) {
        this(cookieName, cookiePath, sameSite, secure, false, false, false, false);
    }

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

    /** The name the cookie has on the wire: {@link #cookieName} behind the prefix if it is on. */
    public String wireCookieName() {
        return hostPrefix ? HOST_PREFIX + cookieName : cookieName;
    }

    /**
     * The defaults: cookie {@code sse-session-id}, Path of the endpoint, SameSite Lax, Secure when
     * secure, nothing bound.
     */
    public static EndpointSettings defaults() {
        return new EndpointSettings("sse-session-id", "", "Lax", SecureMode.AUTO);
    }
}
