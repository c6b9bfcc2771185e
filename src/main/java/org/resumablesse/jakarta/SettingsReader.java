package org.resumablesse.jakarta;

import static org.resumablesse.ResumableSseConfig.*;

import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.eclipse.microprofile.config.Config;
import org.resumablesse.core.Durations;
import org.resumablesse.core.EngineSettings;

/**
 * Reads every {@code resumable-sse.*} key from MicroProfile Config, once, into immutable settings.
 * A value that does not parse or is out of range fails with a message naming the key, so a bad
 * value fails the deployment instead of surfacing later.
 */
final class SettingsReader {

    private static final Set<String> SAME_SITE = Set.of("Strict", "Lax", "None");

    /** A key of earlier versions whose meaning is gone; set, it fails the deployment. */
    private static final String REMOVED_MAX_QUEUED_EVENTS = PREFIX + "max-queued-events";

    private final Config config;

    SettingsReader(Config config) {
        this.config = config;
    }

    EngineSettings engine() {
        if (raw(REMOVED_MAX_QUEUED_EVENTS).isPresent()) {
            throw invalid(
                    REMOVED_MAX_QUEUED_EVENTS
                            + " is gone: a connection no longer queues events, it reads them from"
                            + " history; bound its unsent bytes with "
                            + MAX_PENDING_BYTES);
        }
        EngineSettings defaults = EngineSettings.defaults();
        try {
            return EngineSettings.builder()
                    .bufferSize(integer(BUFFER_SIZE, defaults.bufferSize()))
                    .bufferTtl(duration(BUFFER_TTL, defaults.bufferTtl()))
                    .reconnectionEnabled(bool(ENABLE_RECONNECTION, defaults.reconnectionEnabled()))
                    .cleanupInterval(duration(CLEANUP_INTERVAL, defaults.cleanupInterval()))
                    .heartbeatInterval(duration(HEARTBEAT_INTERVAL, defaults.heartbeatInterval()))
                    .retryBase(duration(RETRY_BASE, defaults.retryBase()))
                    .retryJitter(duration(RETRY_JITTER, defaults.retryJitter()))
                    .maxEventBytes(integer(MAX_EVENT_SIZE, defaults.maxEventBytes()))
                    .maxSessions(integer(MAX_SESSIONS, defaults.maxSessions()))
                    .maxConnectionsPerSession(
                            integer(
                                    MAX_CONNECTIONS_PER_SESSION,
                                    defaults.maxConnectionsPerSession()))
                    .maxTopicsPerConnection(
                            integer(MAX_TOPICS_PER_CONNECTION, defaults.maxTopicsPerConnection()))
                    .maxPendingBytes(integer(MAX_PENDING_BYTES, defaults.maxPendingBytes()))
                    .replayMarkers(bool(REPLAY_MARKERS, defaults.replayMarkers()))
                    .maxStreams(integer(MAX_STREAMS, defaults.maxStreams()))
                    .writeTimeout(duration(WRITE_TIMEOUT, defaults.writeTimeout()))
                    .maxRetainedBytes(
                            parse(
                                    MAX_RETAINED_BYTES,
                                    defaults.maxRetainedBytes(),
                                    text -> Long.parseLong(text.trim()),
                                    "a whole number"))
                    .maxNewSessionsPerAddress(
                            integer(
                                    MAX_NEW_SESSIONS_PER_ADDRESS,
                                    defaults.maxNewSessionsPerAddress()))
                    .newSessionInterval(
                            duration(NEW_SESSION_INTERVAL, defaults.newSessionInterval()))
                    .maxConnections(integer(MAX_CONNECTIONS, defaults.maxConnections()))
                    .maxReplayEvents(integer(MAX_REPLAY_EVENTS, defaults.maxReplayEvents()))
                    .build();
        } catch (IllegalArgumentException e) {
            throw invalid(e.getMessage());
        }
    }

    EndpointSettings endpoint() {
        // Read here too, so that a bad transport setting fails the deployment at start-up.
        transport();
        EndpointSettings defaults = EndpointSettings.defaults();
        String name = text(COOKIE_NAME, defaults.cookieName());
        if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw invalid(COOKIE_NAME + " must be a cookie name token, got '" + name + "'");
        }
        String path = text(COOKIE_PATH, defaults.cookiePath());
        if (!path.isEmpty() && (!path.startsWith("/") || !path.matches("[\\x21-\\x7e&&[^;,]]*"))) {
            throw invalid(
                    COOKIE_PATH + " must be empty or a path starting with /, got '" + path + "'");
        }
        String sameSite = text(COOKIE_SAME_SITE, defaults.sameSite());
        String canonical =
                sameSite.isEmpty()
                        ? ""
                        : sameSite.substring(0, 1).toUpperCase()
                                + sameSite.substring(1).toLowerCase();
        if (!SAME_SITE.contains(canonical)) {
            throw invalid(
                    COOKIE_SAME_SITE + " must be Strict, Lax or None, got '" + sameSite + "'");
        }
        EndpointSettings.SecureMode secure =
                parse(
                        COOKIE_SECURE,
                        defaults.secure(),
                        EndpointSettings.SecureMode::parse,
                        "auto, always or never");
        boolean hostPrefix = bool(COOKIE_HOST_PREFIX, defaults.hostPrefix());
        if (hostPrefix && !path.isEmpty() && !path.equals("/")) {
            throw invalid(
                    COOKIE_HOST_PREFIX
                            + " needs Path=/, but "
                            + COOKIE_PATH
                            + " is '"
                            + path
                            + "'; leave it empty or set it to /");
        }
        if (hostPrefix && secure == EndpointSettings.SecureMode.NEVER) {
            throw invalid(
                    COOKIE_HOST_PREFIX
                            + " needs a Secure cookie, but "
                            + COOKIE_SECURE
                            + " is never");
        }
        return new EndpointSettings(
                name,
                path,
                canonical,
                secure,
                bool(COOKIE_TRUST_FORWARDED_PROTO, defaults.trustForwardedProto()),
                hostPrefix,
                bool(SESSION_BIND_USER_AGENT, defaults.bindUserAgent()),
                bool(SESSION_BIND_ADDRESS, defaults.bindAddress()));
    }

    TransportSettings transport() {
        TransportSettings defaults = TransportSettings.defaults();
        TransportSettings.Mode mode =
                parse(
                        TRANSPORT,
                        defaults.mode(),
                        TransportSettings.Mode::parse,
                        "auto, servlet or jaxrs");
        if (mode == TransportSettings.Mode.SERVLET && !servletApiPresent()) {
            throw invalid(
                    TRANSPORT
                            + " is servlet, but the application cannot see the Servlet API"
                            + " (on OpenLiberty, add the servlet-6.0 feature)");
        }
        int bound = integer(MAX_BUFFERED_BYTES, defaults.maxBufferedBytes());
        if (bound < 1024) {
            throw invalid(MAX_BUFFERED_BYTES + " must be at least 1024, got " + bound);
        }
        boolean gzip =
                parse(COMPRESSION, defaults.gzip(), SettingsReader::gzipOrNone, "none or gzip");
        return new TransportSettings(mode, bound, gzip);
    }

    /** True when the stores are Redis's: {@code resumable-sse.store} is {@code redis}. */
    boolean redisStore() {
        return parse(STORE, false, SettingsReader::redisOrMemory, "memory or redis");
    }

    /** Whether the module's own {@code /sse} mount is on: {@code resumable-sse.mount}. */
    boolean mounted() {
        return bool(MOUNT, true);
    }

    /** The CORS rules: {@code resumable-sse.cors.*}. */
    CorsPolicy cors() {
        Set<String> origins = new LinkedHashSet<>();
        for (String origin : text(CORS_ALLOWED_ORIGINS, "").split(",")) {
            if (origin.isBlank()) {
                continue;
            }
            try {
                origins.add(CorsPolicy.normalize(origin));
            } catch (IllegalArgumentException e) {
                throw invalid(
                        CORS_ALLOWED_ORIGINS
                                + " must list exact origins such as https://app.example.com"
                                + " (no wildcard, path or trailing slash), got '"
                                + origin.trim()
                                + "'");
            }
        }
        return new CorsPolicy(origins, bool(CORS_ALLOW_CREDENTIALS, false));
    }

    private static boolean redisOrMemory(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "memory" -> false;
            case "redis" -> true;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static boolean gzipOrNone(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "none" -> false;
            case "gzip" -> true;
            default -> throw new IllegalArgumentException(text);
        };
    }

    private static boolean servletApiPresent() {
        try {
            Class.forName(
                    "jakarta.servlet.http.HttpServlet",
                    false,
                    SettingsReader.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    int integer(String key, int fallback) {
        return parse(key, fallback, text -> Integer.parseInt(text.trim()), "a whole number");
    }

    private boolean bool(String key, boolean fallback) {
        return parse(key, fallback, SettingsReader::strictBoolean, "true or false");
    }

    Duration duration(String key, Duration fallback) {
        return parse(key, fallback, Durations::parse, "a duration like 30s, 500ms or PT30S");
    }

    String text(String key, String fallback) {
        return raw(key).map(String::trim).orElse(fallback);
    }

    private <T> T parse(String key, T fallback, Function<String, T> parser, String expected) {
        Optional<String> value = raw(key);
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            return parser.apply(value.get());
        } catch (RuntimeException e) {
            throw invalid(key + " must be " + expected + ", got '" + value.get() + "'");
        }
    }

    Optional<String> raw(String key) {
        return config.getOptionalValue(key, String.class).filter(value -> !value.isBlank());
    }

    private static boolean strictBoolean(String text) {
        return switch (text.trim().toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException(text);
        };
    }

    static IllegalStateException invalid(String detail) {
        return new IllegalStateException("Invalid Resumable SSE configuration: " + detail);
    }
}
