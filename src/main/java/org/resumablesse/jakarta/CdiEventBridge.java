package org.resumablesse.jakarta;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import org.resumablesse.ServerEvent;

/**
 * Publishes every {@link ServerEvent} the application fires, whether with {@code fire} or {@code
 * fireAsync}. A refused event completes its receipt exceptionally and the {@link
 * org.resumablesse.EventRejectedException} reaches the caller of {@code fire} (or the stage of
 * {@code fireAsync}). Thread-safe.
 */
@ApplicationScoped
public class CdiEventBridge {

    @Inject SseSessionManager manager;

    void onEvent(@Observes ServerEvent event) {
        manager.publish(event);
    }

    void onAsyncEvent(@ObservesAsync ServerEvent event) {
        manager.publish(event);
    }
}
