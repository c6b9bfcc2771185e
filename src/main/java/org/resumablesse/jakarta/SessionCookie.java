package org.resumablesse.jakarta;

import java.util.Locale;

/**
 * Writes the {@code Set-Cookie} value for the session token: HttpOnly, SameSite as configured,
 * Secure when the request is secure or it is configured (always with SameSite=None or the {@code
 * __Host-} prefix), no Domain, no Max-Age (it ends with the browser session), and a Path as narrow
 * as the stream endpoint unless configured ({@code /} with the prefix).
 */
final class SessionCookie {

    private SessionCookie() {}

    static String header(
            EndpointSettings settings, String token, String requestPath, boolean secureRequest) {
        String path =
                settings.hostPrefix()
                        ? "/"
                        : settings.cookiePath().isEmpty()
                                ? safePath(requestPath)
                                : settings.cookiePath();
        boolean secure =
                switch (settings.secure()) {
                            case ALWAYS -> true;
                            case NEVER -> false;
                            case AUTO -> secureRequest;
                        }
                        || "None".equals(settings.sameSite())
                        || settings.hostPrefix();
        StringBuilder cookie = new StringBuilder(96);
        cookie.append(settings.wireCookieName()).append('=').append(token);
        cookie.append("; Path=").append(path);
        cookie.append("; HttpOnly; SameSite=").append(settings.sameSite());
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
    }

    /**
     * Whether the request counts as secure for {@code cookie.secure=auto}: the container says so,
     * or, when {@code cookie.trust-forwarded-proto} is on, the first {@code proto} of {@code
     * Forwarded} or else the first value of {@code X-Forwarded-Proto} is {@code https}.
     */
    static boolean secureRequest(EndpointSettings settings, StreamRequest request) {
        if (request.secure()) {
            return true;
        }
        if (!settings.trustForwardedProto()) {
            return false;
        }
        String forwarded = request.header("Forwarded");
        String proto =
                forwarded != null ? forwardedProto(forwarded) : request.header("X-Forwarded-Proto");
        if (proto == null) {
            return false;
        }
        int comma = proto.indexOf(',');
        String first = (comma < 0 ? proto : proto.substring(0, comma)).trim();
        return "https".equals(first.toLowerCase(Locale.ROOT));
    }

    /** The {@code proto} parameter of the first element of a {@code Forwarded} value, or null. */
    static String forwardedProto(String forwarded) {
        int comma = forwarded.indexOf(',');
        String element = comma < 0 ? forwarded : forwarded.substring(0, comma);
        for (String pair : element.split(";")) {
            int equals = pair.indexOf('=');
            if (equals > 0 && "proto".equalsIgnoreCase(pair.substring(0, equals).trim())) {
                String value = pair.substring(equals + 1).trim();
                return value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")
                        ? value.substring(1, value.length() - 1)
                        : value;
            }
        }
        return null;
    }

    /**
     * The request's path as a cookie Path: cut at the first {@code ;}, since JAX-RS ignores path
     * parameters when matching while a cookie would read them as attributes; {@code /} when what is
     * left holds anything else a cookie Path may not.
     */
    static String safePath(String requestPath) {
        int semicolon = requestPath.indexOf(';');
        String path = semicolon < 0 ? requestPath : requestPath.substring(0, semicolon);
        if (!path.startsWith("/")) {
            return "/";
        }
        for (int i = 0; i < path.length(); i++) {
            char c = path.charAt(i);
            if (c <= 0x20 || c >= 0x7f || c == ',') {
                return "/";
            }
        }
        return path;
    }
}
