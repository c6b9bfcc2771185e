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
        String path = settings.cookiePath().isEmpty() ? requestPath : settings.cookiePath();
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
}
