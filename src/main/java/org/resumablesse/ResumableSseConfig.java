package org.resumablesse;

/**
 * The MicroProfile Config keys of the module, all under the prefix {@value #PREFIX}. Each can be
 * set in {@code META-INF/microprofile-config.properties}, as a system property or as an environment
 * variable (MicroProfile Config maps {@code resumable-sse.buffer-size} to {@code
 * RESUMABLE_SSE_BUFFER_SIZE}). Durations take a number with a unit ({@code 500ms}, {@code 30s},
 * {@code 5m}, {@code 1h}) or ISO-8601 ({@code PT30S}). Defaults and meanings are listed in {@code
 * docs/reference/configuration.md}; a bad value fails the deployment with a message naming the key.
 */
public final class ResumableSseConfig {

    /** The prefix of every key. */
    public static final String PREFIX = "resumable-sse.";

    /** Events kept per stream (broadcast, each topic, session and user). Default 1000. */
    public static final String BUFFER_SIZE = PREFIX + "buffer-size";

    /** How long a session outlives its last connection. Default 30s. */
    public static final String BUFFER_TTL = PREFIX + "buffer-ttl";

    /** False gives plain live SSE: no cookie, no history, no replay. Default true. */
    public static final String ENABLE_RECONNECTION = PREFIX + "enable-reconnection";

    /** How often expired sessions and idle streams are removed. Default 10s. */
    public static final String CLEANUP_INTERVAL = PREFIX + "cleanup-interval";

    /**
     * How often a comment is written to every connection; also how dead connections are found.
     * Default 15s.
     */
    public static final String HEARTBEAT_INTERVAL = PREFIX + "heartbeat-interval";

    /** The reconnection delay sent in {@code retry:}. Default 3s. */
    public static final String RETRY_BASE = PREFIX + "retry-base";

    /** The most random time added to {@link #RETRY_BASE} so reconnects spread out. Default 2s. */
    public static final String RETRY_JITTER = PREFIX + "retry-jitter";

    /** The largest encoded event in bytes; a larger one is refused at publish. Default 65536. */
    public static final String MAX_EVENT_SIZE = PREFIX + "max-event-size";

    /**
     * The most sessions held at once; a new session over it is refused for a while (see {@code
     * docs/reference/http-endpoints.md}). Default 10000.
     */
    public static final String MAX_SESSIONS = PREFIX + "max-sessions";

    /** The most open connections of one session; one more is refused for a while. Default 8. */
    public static final String MAX_CONNECTIONS_PER_SESSION = PREFIX + "max-connections-per-session";

    /**
     * The most new sessions one client address may be issued per {@link #NEW_SESSION_INTERVAL}; one
     * more is refused until the interval ends. 0 turns the limit off. Default 100.
     */
    public static final String MAX_NEW_SESSIONS_PER_ADDRESS =
            PREFIX + "max-new-sessions-per-address";

    /** The interval {@link #MAX_NEW_SESSIONS_PER_ADDRESS} counts over. Default 1m. */
    public static final String NEW_SESSION_INTERVAL = PREFIX + "new-session-interval";

    /**
     * The most connections open at once on this node, all sessions together; one more is refused
     * for a while. Default 10000.
     */
    public static final String MAX_CONNECTIONS = PREFIX + "max-connections";

    /**
     * The most events one reconnect replays; a client that missed more is told {@code
     * recovered:false, reason:overflow} instead. Default 10000.
     */
    public static final String MAX_REPLAY_EVENTS = PREFIX + "max-replay-events";

    /** The most topics one connection may follow; more is answered 400. Default 32. */
    public static final String MAX_TOPICS_PER_CONNECTION = PREFIX + "max-topics-per-connection";

    /**
     * The most topic, user and session streams kept; past it the least recently used one is dropped
     * and its readers are told of a gap. Default 100000.
     */
    public static final String MAX_STREAMS = PREFIX + "max-streams";

    /**
     * The most bytes one write to a connection takes, which bounds what a connection holds that is
     * not yet on the wire (a single larger event still goes out whole). A client that falls behind
     * costs no more than this: it reads on from history, and is closed only when history no longer
     * holds what it needs. Default 65536.
     */
    public static final String MAX_PENDING_BYTES = PREFIX + "max-pending-bytes";

    /**
     * True adds {@code _replayed} and {@code _originalTime} to replayed JSON-object events. Default
     * false.
     */
    public static final String REPLAY_MARKERS = PREFIX + "replay-markers";

    /**
     * How long a write to a client may go without progress before its connection is closed. Default
     * 10s.
     */
    public static final String WRITE_TIMEOUT = PREFIX + "write-timeout";

    /**
     * What history may take in memory, all streams together, in bytes (an estimate that counts the
     * events, their text and their encoded frames). Past it the oldest events go first, and clients
     * that needed them are told of the gap. Default 67108864 (64 MiB).
     */
    public static final String MAX_RETAINED_BYTES = PREFIX + "max-retained-bytes";

    /**
     * Which transport serves {@code /sse/events}: {@code auto} or {@code servlet} (the Servlet
     * non-blocking transport; the application must see the Servlet API, which on OpenLiberty takes
     * the {@code servlet-6.0} feature) or {@code jaxrs} (the JAX-RS {@code SseEventSink}). An
     * application's own JAX-RS path ({@code <app-path>/events}) always uses JAX-RS. Default auto.
     */
    public static final String TRANSPORT = PREFIX + "transport";

    /**
     * The most bytes the Servlet transport lets the container hold for one connection that are not
     * yet on the network, beyond the frame being written; a client that does not read stops being
     * written to at this bound and is closed by {@link #WRITE_TIMEOUT}. Default 65536.
     */
    public static final String MAX_BUFFERED_BYTES = PREFIX + "max-buffered-bytes";

    /**
     * {@code gzip} compresses the Servlet transport's stream for clients that accept it, with a
     * sync flush after every write so each event still arrives at once; {@code none} sends it as it
     * is. Costs about 256 KB of native memory per compressed connection. Default none.
     */
    public static final String COMPRESSION = PREFIX + "compression";

    /**
     * False leaves out the module's own mount: the Servlet front at {@code /sse/events}, the JAX-RS
     * application at {@code /sse} and the WebSocket stream at {@code /sse/events/ws} all answer
     * 404, and only the application's own JAX-RS path ({@code <app-path>/events}) serves the
     * stream, under the application's security constraints. Default true.
     */
    public static final String MOUNT = PREFIX + "mount";

    /**
     * The origins (exact {@code scheme://host[:port]}, comma-separated) whose pages may open the
     * stream cross-origin: they get CORS headers and preflight answers, and a request with any
     * other cross-origin {@code Origin} is refused with 403. Empty turns CORS off: no CORS headers
     * and no {@code Origin} check. Default empty.
     */
    public static final String CORS_ALLOWED_ORIGINS = PREFIX + "cors.allowed-origins";

    /**
     * True sends {@code Access-Control-Allow-Credentials: true} to allowed origins, so that a
     * cross-origin page's {@code EventSource} with {@code withCredentials} sends its cookies.
     * Default false.
     */
    public static final String CORS_ALLOW_CREDENTIALS = PREFIX + "cors.allow-credentials";

    /** The session cookie's name. Default {@code sse-session-id}. */
    public static final String COOKIE_NAME = PREFIX + "cookie.name";

    /** The session cookie's Path; empty means the stream endpoint's own path. Default empty. */
    public static final String COOKIE_PATH = PREFIX + "cookie.path";

    /** The session cookie's SameSite: Strict, Lax or None. Default Lax. */
    public static final String COOKIE_SAME_SITE = PREFIX + "cookie.same-site";

    /**
     * When the session cookie is marked Secure: {@code auto} (when the request is secure), {@code
     * always} or {@code never}. Default auto.
     */
    public static final String COOKIE_SECURE = PREFIX + "cookie.secure";

    /**
     * True makes {@code Forwarded: proto=https} or {@code X-Forwarded-Proto: https} count as a
     * secure request for {@link #COOKIE_SECURE} {@code auto}: for a TLS-terminating proxy that sets
     * the header. Default false.
     */
    public static final String COOKIE_TRUST_FORWARDED_PROTO =
            PREFIX + "cookie.trust-forwarded-proto";

    /**
     * True names the session cookie {@code __Host-<cookie.name>} with Path=/, Secure and no Domain;
     * needs HTTPS, and fails the deployment with a {@link #COOKIE_PATH} other than {@code /} or
     * {@link #COOKIE_SECURE} {@code never}. Default false.
     */
    public static final String COOKIE_HOST_PREFIX = PREFIX + "cookie.host-prefix";

    /**
     * True accepts a session's token only with the User-Agent it was issued to; another one gets a
     * new session. Default false.
     */
    public static final String SESSION_BIND_USER_AGENT = PREFIX + "session.bind-user-agent";

    /**
     * True accepts a session's token only from the client address it was issued to, as the
     * container sees it; another one gets a new session. Default false.
     */
    public static final String SESSION_BIND_ADDRESS = PREFIX + "session.bind-address";

    /**
     * Where history and sessions live: {@code memory} (this JVM; the default) or {@code redis}
     * (shared by every node on one Redis; needs {@code redis.clients:jedis} in the WAR).
     */
    public static final String STORE = PREFIX + "store";

    /**
     * The Redis server with {@link #STORE} {@code redis}: {@code redis://host:port/db}, or {@code
     * rediss://…} for TLS. Default {@code redis://localhost:6379}.
     */
    public static final String REDIS_URL = PREFIX + "redis.url";

    /** The Redis ACL user; wins over one in the URL. Default none. */
    public static final String REDIS_USER = PREFIX + "redis.user";

    /** The Redis password; wins over one in the URL. Default none. */
    public static final String REDIS_PASSWORD = PREFIX + "redis.password";

    /** How long connecting to Redis may take. Default 2s. */
    public static final String REDIS_CONNECT_TIMEOUT = PREFIX + "redis.connect-timeout";

    /** How long one Redis command may take. Default 2s. */
    public static final String REDIS_TIMEOUT = PREFIX + "redis.timeout";

    /** The most pooled connections for Redis commands, per store. Default 8. */
    public static final String REDIS_POOL_SIZE = PREFIX + "redis.pool-size";

    /** Put before every Redis key, so applications can share one Redis. Default resumable-sse: */
    public static final String REDIS_KEY_PREFIX = PREFIX + "redis.key-prefix";

    private ResumableSseConfig() {}
}
