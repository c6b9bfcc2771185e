package org.resumablesse.jakarta;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.resumablesse.EventPublisher;
import org.resumablesse.ServerEvent;
import org.resumablesse.SessionDirectory;
import org.resumablesse.SessionInfo;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;

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

    @Resource ManagedScheduledExecutorService scheduler;

    @Resource ManagedExecutorService delivery;

    private SseEngine engine;
    private EndpointSettings endpoint;

    @PostConstruct
    void start() {
        SettingsReader reader = new SettingsReader(config);
        EngineSettings settings = reader.engine();
        endpoint = reader.endpoint();
        engine =
                SseEngine.inMemory(
                        settings, Clock.systemUTC(), delivery, new MetricsBridge(metrics));
        MetricsBridge.registerGauges(metrics, engine);
        engine.start(scheduler);
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
        engine.close();
        MetricsBridge.removeGauges(metrics);
    }

    /** The running engine. */
    public SseEngine engine() {
        return engine;
    }

    /** The HTTP side's settings. */
    public EndpointSettings endpoint() {
        return endpoint;
    }

    @Override
    public String publish(ServerEvent event) {
        return engine.publish(event);
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
