package org.resumablesse.jakarta;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The stream's CORS rules ({@code resumable-sse.cors.*}): which cross-origin pages may open it, the
 * headers their answers carry, and the answer to a preflight. Off (no allowed origin) it adds
 * nothing and checks nothing. On, a request is let in when it has no {@code Origin}, when its
 * {@code Origin} names the request's own host ({@code Host} header), or when its {@code Origin} is
 * listed exactly; any other origin is refused before a session is issued. Browsers send no CORS
 * preflight for WebSocket, but they do send {@code Origin}, so the same check guards the WebSocket
 * stream.
 *
 * <p>Immutable and thread-safe. Null arguments mean "the request does not carry this header".
 */
public final class CorsPolicy {

    /** The request headers a cross-origin client may send, answered to every preflight. */
    public static final List<String> ALLOWED_HEADERS =
            List.of("Last-Event-ID", StreamAdmission.SESSION_HEADER, "Cache-Control");

    /** How long a browser may reuse a preflight answer, in seconds. */
    static final String MAX_AGE = "600";

    private static final Pattern ORIGIN =
            Pattern.compile(
                    "(https?)://([a-z0-9]([a-z0-9.-]*[a-z0-9])?|\\[[0-9a-f:.]+\\])(?::([0-9]{1,5}))?",
                    Pattern.CASE_INSENSITIVE);

    private static final CorsPolicy OFF = new CorsPolicy(Set.of(), false);

    private final Set<String> origins;
    private final boolean credentials;

    /**
     * @param origins the allowed origins, each as {@link #normalize} gives it; empty for CORS off
     * @param credentials whether allowed origins are told {@code Access-Control-Allow-Credentials}
     */
    public CorsPolicy(Set<String> origins, boolean credentials) {
        this.origins = Set.copyOf(origins);
        this.credentials = credentials;
    }

    /** CORS off: the default. */
    public static CorsPolicy off() {
        return OFF;
    }

    /** Whether any origin is allowed, so that CORS headers and the {@code Origin} check apply. */
    public boolean enabled() {
        return !origins.isEmpty();
    }

    /** A preflight's answer: its status (204 or 403) and headers. */
    public record Preflight(int status, Map<String, String> headers) {}

    /**
     * An origin in its canonical form: lower case, without the scheme's default port.
     *
     * @throws IllegalArgumentException when it is not {@code http(s)://host[:port]}
     */
    public static String normalize(String origin) {
        Matcher m = ORIGIN.matcher(origin == null ? "" : origin.trim());
        if (!m.matches()) {
            throw new IllegalArgumentException("not an origin: scheme://host[:port]");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        int port = m.group(4) == null ? defaultPort(scheme) : Integer.parseInt(m.group(4));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port out of range");
        }
        String host = m.group(2).toLowerCase(Locale.ROOT);
        return scheme + "://" + host + (port == defaultPort(scheme) ? "" : ":" + port);
    }

    /** Whether a request with this {@code Origin} and {@code Host} may open a stream. */
    public boolean admits(String origin, String host) {
        return !enabled() || origin == null || listed(origin) || sameOrigin(origin, host);
    }

    /**
     * The CORS headers of an answer to a request other than a preflight, stream or refusal: none
     * when CORS is off; else {@code Vary: Origin}, and for a listed origin {@code
     * Access-Control-Allow-Origin} (and {@code -Credentials} when configured). {@code Vary} is
     * meant to be added to any {@code Vary} the answer has, the others set.
     */
    public Map<String, String> responseHeaders(String origin) {
        if (!enabled()) {
            return Map.of();
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Vary", "Origin");
        if (origin != null && listed(origin)) {
            headers.put("Access-Control-Allow-Origin", origin.trim());
            if (credentials) {
                headers.put("Access-Control-Allow-Credentials", "true");
            }
        }
        return headers;
    }

    /**
     * The answer to an {@code OPTIONS} request, or null when it is no CORS preflight (no {@code
     * Origin} or no {@code Access-Control-Request-Method}) or CORS is off: then the framework's own
     * {@code OPTIONS} answer applies. A listed origin gets 204 allowing {@code GET} with {@link
     * #ALLOWED_HEADERS}; any other gets 403 without CORS headers.
     */
    public Preflight preflight(String origin, String requestMethod) {
        if (!enabled() || origin == null || requestMethod == null) {
            return null;
        }
        if (!listed(origin)) {
            return new Preflight(403, Map.of("Vary", "Origin"));
        }
        Map<String, String> headers = new LinkedHashMap<>(responseHeaders(origin));
        headers.put("Access-Control-Allow-Methods", "GET");
        headers.put("Access-Control-Allow-Headers", String.join(", ", ALLOWED_HEADERS));
        headers.put("Access-Control-Max-Age", MAX_AGE);
        return new Preflight(204, headers);
    }

    private boolean listed(String origin) {
        try {
            return origins.contains(normalize(origin));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    /** The origin names the host the request was sent to (its scheme is not compared). */
    static boolean sameOrigin(String origin, String host) {
        if (host == null || host.isBlank()) {
            return false;
        }
        try {
            String canonical = normalize(origin);
            String scheme = canonical.substring(0, canonical.indexOf(':'));
            return canonical.equals(normalize(scheme + "://" + host.trim()));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static int defaultPort(String scheme) {
        return scheme.equals("https") ? 443 : 80;
    }
}
