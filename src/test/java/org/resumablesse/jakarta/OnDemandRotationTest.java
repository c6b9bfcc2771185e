package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.EngineMetrics;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;

/**
 * The HTTP side of rotation on demand: the Set-Cookie an application puts on its response, scoped
 * to the stream's path, carrying a token that resumes the session for the client that asked while
 * the old one no longer does.
 */
class OnDemandRotationTest {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SseEngine engine =
            SseEngine.inMemory(
                    EngineSettings.defaults(),
                    Clock.systemUTC(),
                    Runnable::run,
                    EngineMetrics.NONE);

    @AfterEach
    void stop() {
        engine.close();
        scheduler.shutdownNow();
    }

    private StreamAdmission.Admitted admit(EndpointSettings settings, FakeStreamRequest request) {
        return (StreamAdmission.Admitted)
                StreamAdmission.admit(engine, settings, StreamAccess.open(), request);
    }

    @Test
    void theRotatedCookieCarriesANewTokenForTheStreamPathThatResumesTheSameSession() {
        engine.start(scheduler);
        EndpointSettings settings = EndpointSettings.defaults();
        StreamAdmission.Admitted first = admit(settings, new FakeStreamRequest().user("alice"));
        String id = first.admission().session().id();

        String cookie =
                StreamAdmission.rotate(
                                engine,
                                settings,
                                id,
                                new FakeStreamRequest().user("alice"),
                                "/app/sse/events")
                        .orElseThrow();

        assertThat(cookie).startsWith("sse-session-id=").contains("; Path=/app/sse/events;");
        String token = cookie.substring("sse-session-id=".length(), cookie.indexOf(';'));
        assertThat(token).isNotEqualTo(first.admission().token());
        StreamAdmission.Admitted withNew =
                admit(
                        settings,
                        new FakeStreamRequest()
                                .user("alice")
                                .header("Cookie", "sse-session-id=" + token));
        StreamAdmission.Admitted withOld =
                admit(
                        settings,
                        new FakeStreamRequest()
                                .user("alice")
                                .header("Cookie", "sse-session-id=" + first.admission().token()));
        assertThat(withNew.admission().session().id()).isEqualTo(id);
        assertThat(withOld.admission().newSession()).isTrue();
    }

    @Test
    void theRotatedCookieIsSecureWhenTheApplicationsRequestIsAndNothingForAnUnknownSession() {
        engine.start(scheduler);
        EndpointSettings settings = EndpointSettings.defaults();
        String id = admit(settings, new FakeStreamRequest()).admission().session().id();

        assertThat(
                        StreamAdmission.rotate(
                                engine, settings, id, new FakeStreamRequest().secure(true), "/e"))
                .hasValueSatisfying(cookie -> assertThat(cookie).endsWith("; Secure"));
        assertThat(
                        StreamAdmission.rotate(
                                engine,
                                settings,
                                "AAAAAAAAAAAAAAAAAAAAAA",
                                new FakeStreamRequest(),
                                "/e"))
                .isEmpty();
    }
}
