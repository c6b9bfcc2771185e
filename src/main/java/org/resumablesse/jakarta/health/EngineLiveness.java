package org.resumablesse.jakarta.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.resumablesse.jakarta.SseSessionManager;

/**
 * Live while the engine runs (from deployment until undeploy). Never asks Redis: a Redis outage
 * makes the node unready, not dead. Thread-safe.
 */
@Liveness
@ApplicationScoped
public class EngineLiveness implements HealthCheck {

    /** The check's name in the health report. */
    public static final String NAME = "resumable-sse-engine";

    @Inject SseSessionManager manager;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named(NAME).status(manager.engine().isRunning()).build();
    }
}
