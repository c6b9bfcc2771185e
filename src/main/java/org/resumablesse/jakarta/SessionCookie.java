package org.resumablesse.jakarta;

/**
 * Writes the {@code Set-Cookie} value for the session token: HttpOnly, SameSite as configured,
 * Secure when the request is secure or it is configured (always with SameSite=None), no Domain, no
 * Max-Age (it ends with the browser session), and a Path as narrow as the stream endpoint unless
 * configured.
 */
final class SessionCookie {

    private SessionCookie() {}

    static String header(
            EndpointSettings settings, String token, String requestPath, boolean secureRequest) {
        String path =
                settings.cookiePath().isEmpty() ? safePath(requestPath) : settings.cookiePath();
        boolean secure =
                switch (settings.secure()) {
                            case ALWAYS -> true;
                            case NEVER -> false;
                            case AUTO -> secureRequest;
                        }
                        || "None".equals(settings.sameSite());
        StringBuilder cookie = new StringBuilder(96);
        cookie.append(settings.cookieName()).append('=').append(token);
        cookie.append("; Path=").append(path);
        cookie.append("; HttpOnly; SameSite=").append(settings.sameSite());
        if (secure) {
            cookie.append("; Secure");
        }
        return cookie.toString();
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
