package org.resumablesse.jakarta;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.SseEventSink;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.resumablesse.EventPublisher;
import org.resumablesse.ResumableSseConfig;
import org.resumablesse.ServerEvent;
import org.resumablesse.SessionDirectory;
import org.resumablesse.SessionInfo;
import org.resumablesse.StreamAuthorizer;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;
import org.resumablesse.core.Transport;

/**
 * The application-scoped owner of the engine: reads the configuration at deployment (a bad value
 * fails it), starts the engine with the container's managed executors, and stops it at undeploy,
 * which sends every open stream a last reconnection hint and closes it. It is also the injectable
 * {@link EventPublisher} and {@link SessionDirectory}.
 *
 * <p>Thread-safe. Created eagerly when the application starts.
 */
@ApplicationScoped
public class SseSessionManager implements EventPublisher, SessionDirectory {

    @Inject Config config;

    @Inject MetricRegistry metrics;

    @Inject Instance<StreamAuthorizer> authorizers;

    private SseEngine engine;
    private boolean redis;
    private volatile Supplier<Optional<String>> storeProblem = Optional::empty;
    private ExecutorService fanOut;
    private Thread shutdownHook;
    private ExecutorService writes;
    private EndpointSettings endpoint;
    private StreamAccess access;
    private final AdmissionTickets tickets = new AdmissionTickets();

    @PostConstruct
    void start() {
        SettingsReader reader = new SettingsReader(config);
        EngineSettings settings = reader.engine();
        endpoint = reader.endpoint();
        // Read here too, so that a bad mount setting fails the deployment at start-up.
        reader.mounted();
        access = new StreamAccess(reader.cors(), AuthorizerLookup.resolve(authorizers));
        ManagedScheduledExecutorService scheduler =
                lookup("java:comp/DefaultManagedScheduledExecutorService");
        // One long-lived thread runs the fan-out: handing it a pass costs a queue offer, where a
        // managed executor captures the application's context for every task it takes.
        ManagedThreadFactory threads = lookup("java:comp/DefaultManagedThreadFactory");
        fanOut = Executors.newSingleThreadExecutor(threads);
        writes = BlockingWrites.create(threads);
        redis = reader.redisStore();
        engine =
                redis
                        ? onRedis(reader, settings, threads)
                        : SseEngine.inMemory(
                                settings, Clock.systemUTC(), fanOut, new MetricsBridge(metrics));
        MetricsBridge.registerGauges(metrics, engine);
        engine.start(scheduler);
        // A SIGTERM stops Payara Micro without undeploying first: its HTTP listener may close
        // before @PreDestroy runs, so the streams would end with no last retry hint. The hook
        // sends it while the sockets are still open; undeploy removes it. The JVM halts once the
        // hooks return, so the last writes run in the hook's own thread, not on the pool.
        shutdownHook =
                new Thread(
                        () -> {
                            writes.shutdown();
                            engine.close();
                        },
                        "resumable-sse-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /** The engine on the Redis stores; the only path that loads a Redis class. */
    private SseEngine onRedis(
            SettingsReader reader, EngineSettings settings, ManagedThreadFactory threads) {
        try {
            return RedisStoreFactory.engine(
                    check -> storeProblem = check, reader, settings, threads, fanOut, metrics);
        } catch (NoClassDefFoundError e) {
            throw new IllegalStateException(
                    "Invalid Resumable SSE configuration: "
                            + ResumableSseConfig.STORE
                            + " is redis, but redis.clients:jedis is not in the application",
                    e);
        }
    }

    /**
     * Finds one of the container's default managed executors. A JNDI lookup, not {@code @Resource}:
     * Payara does not process {@code @Resource} on classes in a WAR's library jars.
     */
    private static <T> T lookup(String name) {
        try {
            return InitialContext.doLookup(name);
        } catch (NamingException e) {
            throw new IllegalStateException("Resumable SSE needs the container's " + name, e);
        }
    }

    /**
     * Forces creation at deployment, so configuration errors fail it and expiry runs from the
     * start.
     */
    void onStartup(@Observes @Initialized(ApplicationScoped.class) Object event) {
        engine.settings();
    }

    @PreDestroy
    void stop() {
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // The JVM is shutting down: the hook is running or has run.
        }
        try {
            engine.close();
        } finally {
            fanOut.shutdownNow();
            writes.shutdown();
            MetricsBridge.removeGauges(metrics);
            if (redis) {
                RedisMetricsBridge.removeLag(metrics);
            }
        }
    }

    /** The running engine. */
    public SseEngine engine() {
        return engine;
    }

    /** A transport for a JAX-RS sink, writing on the threads for writes that may block. */
    Transport sinkTransport(SseEventSink sink) {
        return new SinkTransport(sink, writes, engine.settings().writeTimeout());
    }

    /**
     * Threads for writes that may block on a client (a JAX-RS sink's send, OpenLiberty's Servlet
     * writes): each write gets a thread at once, so a stalled client holds only its own.
     */
    public Executor blockingWrites() {
        return writes;
    }

    /**
     * Why the store cannot serve now (Redis unreachable), or empty when it can; the memory store
     * always can. May cost one round trip to Redis.
     */
    public Optional<String> storeProblem() {
        return storeProblem.get();
    }

    /** Whether the store is the shared Redis one. */
    public boolean redisStore() {
        return redis;
    }

    /** The HTTP side's settings. */
    public EndpointSettings endpoint() {
        return endpoint;
    }

    /** Who may open a stream and follow which topics: CORS and the application's authorizer. */
    public StreamAccess access() {
        return access;
    }

    AdmissionTickets tickets() {
        return tickets;
    }

    @Override
    public String publish(ServerEvent event) {
        return engine.publish(event);
    }

    /**
     * Gives a live session a new secret token, for an application that answers a request of that
     * session's client (after it signed in by the application's own means, or whenever it wants the
     * token renewed). The old token no longer resumes the session: whoever presents it gets a new
     * session ({@code newSession: true}). The session keeps its public id and its events; its open
     * streams on this node are closed, and resume with the new token from where they were. The
     * session is bound from now on to the client's principal (and User-Agent and address, when
     * those are bound).
     *
     * @param sessionId the public id
     * @param client the application's own request from the session's client, e.g. {@code new
     *     ServletStreamRequest(httpServletRequest)}; read for its principal, what is bound and
     *     whether it is secure
     * @param streamPath the raw path of the stream endpoint the client connects to, e.g. {@code
     *     request.getContextPath() + "/sse/events"}: the new cookie's Path unless {@code
     *     cookie.path} or {@code cookie.host-prefix} sets it
     * @return the {@code Set-Cookie} value to put on the response to that client; empty when no
     *     live session has this id (or reconnection is disabled)
     * @throws org.resumablesse.spi.StoreUnavailableException when the session store cannot be
     *     reached
     */
    public Optional<String> rotateToken(String sessionId, StreamRequest client, String streamPath) {
        return StreamAdmission.rotate(engine, endpoint, sessionId, client, streamPath);
    }

    @Override
    public Optional<SessionInfo> find(String sessionId) {
        return engine.session(sessionId);
    }

    @Override
    public int sessionCount() {
        return engine.sessionCount();
    }
}
