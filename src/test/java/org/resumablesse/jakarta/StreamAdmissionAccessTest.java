package org.resumablesse.jakarta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.AccessRequest;
import org.resumablesse.Audience;
import org.resumablesse.StreamAuthorizer;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;

/**
 * Who may follow what, decided where every transport admits: the application's authorizer and the
 * CORS origin check refuse before the engine issues a session, and let everything else through.
 */
class StreamAdmissionAccessTest {

    private static final String ALLOWED = "https://app.example.com";

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SseEngine engine =
            QuietEngine.create(EngineSettings.builder().maxTopicsPerConnection(4));
    private final AtomicReference<AccessRequest> asked = new AtomicReference<>();

    @BeforeEach
    void start() {
        engine.start(scheduler);
    }

    @AfterEach
    void stop() {
        engine.close();
        scheduler.shutdownNow();
    }

    @Test
    void withoutAnAuthorizerEveryTopicIsOpen() {
        StreamAdmission.Outcome outcome =
                admit(StreamAccess.open(), new FakeStreamRequest().topics("orders/42"));

        assertThat(outcome).isInstanceOf(StreamAdmission.Admitted.class);
        assertThat(streams(outcome)).contains(Audience.topic("orders/42"));
    }

    @Test
    void refusesTheWholeConnectionWhenTheAuthorizerAllowsOnlySomeTopics() {
        StreamAccess access = authorizing(request -> List.of("news"));

        StreamAdmission.Outcome outcome =
                admit(access, new FakeStreamRequest().topics("news", "orders/42", "orders/7"));

        assertThat(outcome).isInstanceOf(StreamAdmission.Refused.class);
        StreamAdmission.Refused refused = (StreamAdmission.Refused) outcome;
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.retryAfter()).isNull();
        assertThat(refused.message()).contains("orders/42, orders/7").doesNotContain("news");
        assertThat(engine.sessionCount()).as("no session issued").isZero();
    }

    @Test
    void refusesWhenTheAuthorizerDeniesEverythingOrAnswersNull() {
        for (StreamAuthorizer denying : List.<StreamAuthorizer>of(r -> List.of(), r -> null)) {
            StreamAdmission.Outcome outcome =
                    admit(authorizing(denying), new FakeStreamRequest().topics("orders/42"));

            assertThat(outcome)
                    .isEqualTo(
                            new StreamAdmission.Refused(
                                    403, null, "not allowed to follow orders/42"));
        }
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void refusesWithServiceUnavailableWhenTheAuthorizerThrows() {
        StreamAccess access =
                authorizing(
                        request -> {
                            throw new IllegalStateException("directory down");
                        });

        StreamAdmission.Outcome outcome =
                admit(access, new FakeStreamRequest().topics("orders/42"));

        assertThat(outcome)
                .isEqualTo(
                        StreamAdmission.Refused.later(
                                503,
                                "authorizer-failed",
                                5_000,
                                "the topics could not be authorized"));
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void admitsWhenEveryTopicIsAllowedAndShowsTheAuthorizerPrincipalTopicsAndHeaders() {
        StreamAccess access = authorizing(request -> Set.of("orders/42", "news", "unasked"));
        FakeStreamRequest request =
                new FakeStreamRequest()
                        .user("alice")
                        .header("X-Tenant", "acme")
                        .topics("orders/42", "news", "orders/42");

        StreamAdmission.Outcome outcome = admit(access, request);

        assertThat(outcome).isInstanceOf(StreamAdmission.Admitted.class);
        assertThat(streams(outcome))
                .contains(Audience.topic("orders/42"), Audience.topic("news"))
                .doesNotContain(Audience.topic("unasked"));
        AccessRequest seen = asked.get();
        assertThat(seen.userName()).isEqualTo("alice");
        assertThat(seen.principal().getName()).isEqualTo("alice");
        assertThat(seen.topics()).containsExactly("orders/42", "news");
        assertThat(seen.header("x-tenant")).isEqualTo("acme");
        assertThat(seen.header("Authorization")).isNull();
    }

    @Test
    void anonymousRequestsReachTheAuthorizerWithoutAPrincipal() {
        admit(authorizing(request -> request.topics()), new FakeStreamRequest().topics("news"));

        assertThat(asked.get().principal()).isNull();
        assertThat(asked.get().userName()).isNull();
    }

    @Test
    void theAuthorizerIsNotAskedWithoutTopicsOrWithTopicsTheEngineRefuses() {
        StreamAccess access = authorizing(request -> List.of());

        assertThat(admit(access, new FakeStreamRequest()))
                .isInstanceOf(StreamAdmission.Admitted.class);
        StreamAdmission.Outcome malformed =
                admit(access, new FakeStreamRequest().topics("not a topic"));
        StreamAdmission.Outcome tooMany =
                admit(access, new FakeStreamRequest().topics("a", "b", "c", "d", "e"));

        assertThat(asked.get()).isNull();
        assertThat(((StreamAdmission.Refused) malformed).status()).isEqualTo(400);
        assertThat(((StreamAdmission.Refused) tooMany).status()).isEqualTo(400);
    }

    @Test
    void refusesAnOriginNotAllowedBeforeAnySessionOrAuthorizerCall() {
        StreamAccess access = new StreamAccess(new CorsPolicy(Set.of(ALLOWED), true), this::record);
        FakeStreamRequest request =
                new FakeStreamRequest()
                        .header("Origin", "https://evil.example")
                        .header("Host", "app.example.com:8443")
                        .topics("news");

        StreamAdmission.Outcome outcome = admit(access, request);

        assertThat(outcome).isInstanceOf(StreamAdmission.Refused.class);
        assertThat(((StreamAdmission.Refused) outcome).status()).isEqualTo(403);
        assertThat(asked.get()).isNull();
        assertThat(engine.sessionCount()).isZero();
    }

    @Test
    void admitsAnAllowedOriginTheSameOriginAndARequestWithoutOrigin() {
        StreamAccess access = new StreamAccess(new CorsPolicy(Set.of(ALLOWED), false), null);

        List<FakeStreamRequest> requests =
                List.of(
                        new FakeStreamRequest().header("Origin", "https://APP.example.com:443"),
                        new FakeStreamRequest()
                                .header("Origin", "http://localhost:8080")
                                .header("Host", "localhost:8080"),
                        new FakeStreamRequest().header("Host", "localhost:8080"));

        for (FakeStreamRequest request : requests) {
            assertThat(admit(access, request)).isInstanceOf(StreamAdmission.Admitted.class);
        }
    }

    @Test
    void withCorsOffAnyOriginIsAdmittedAsBefore() {
        FakeStreamRequest request =
                new FakeStreamRequest()
                        .header("Origin", "https://evil.example")
                        .header("Host", "app.example.com");

        assertThat(admit(StreamAccess.open(), request))
                .isInstanceOf(StreamAdmission.Admitted.class);
    }

    private StreamAccess authorizing(StreamAuthorizer decision) {
        return new StreamAccess(
                CorsPolicy.off(),
                request -> {
                    record(request);
                    return decision.allowedTopics(request);
                });
    }

    private List<String> record(AccessRequest request) {
        asked.set(request);
        return request.topics();
    }

    private StreamAdmission.Outcome admit(StreamAccess access, StreamRequest request) {
        return StreamAdmission.admit(engine, EndpointSettings.defaults(), access, request);
    }

    private static Set<Audience> streams(StreamAdmission.Outcome outcome) {
        return ((StreamAdmission.Admitted) outcome).admission().streams();
    }
}
