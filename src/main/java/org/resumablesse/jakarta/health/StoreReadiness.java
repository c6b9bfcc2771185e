package org.resumablesse.jakarta.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.resumablesse.jakarta.SseSessionManager;

/**
 * Ready while the store can serve: always on the memory store; on Redis, while Redis answers a
 * {@code PING} within {@code resumable-sse.redis.timeout}. Down with the reason otherwise, so a
 * load balancer sends new clients elsewhere. Thread-safe; one round trip to Redis per call.
 */
@Readiness
@ApplicationScoped
public class StoreReadiness implements HealthCheck {

    /** The check's name in the health report. */
    public static final String NAME = "resumable-sse-store";

    @Inject SseSessionManager manager;

    @Override
    public HealthCheckResponse call() {
        Optional<String> problem = manager.storeProblem();
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named(NAME)
                        .status(problem.isEmpty())
                        .withData("store", manager.redisStore() ? "redis" : "memory");
        problem.ifPresent(reason -> response.withData("reason", reason));
        return response.build();
    }
}
