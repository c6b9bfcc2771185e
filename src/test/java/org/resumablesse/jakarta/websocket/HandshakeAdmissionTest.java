package org.resumablesse.jakarta.websocket;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.resumablesse.core.Admission;
import org.resumablesse.core.ConnectionRefusedException;
import org.resumablesse.core.EngineSettings;
import org.resumablesse.core.SseEngine;
import org.resumablesse.jakarta.QuietEngine;
import org.resumablesse.jakarta.StreamAdmission;

class HandshakeAdmissionTest {

    private static final long T0 = 1_000_000_000L;

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();
    private final SseEngine engine =
            QuietEngine.create(EngineSettings.builder().maxConnectionsPerSession(1));
    private final HandshakeAdmission admissions = new HandshakeAdmission();

    @AfterEach
    void stop() {
        engine.close();
        scheduler.shutdownNow();
    }

    @Test
    void anAdmissionWhoseConnectionNeverOpensGivesItsSlotBackAfterTheDeadline() {
        engine.start(scheduler);
        Admission first = engine.admit(null, null, List.of(), null);
        HandshakeAdmission.Pending pending =
                admissions.pending(new StreamAdmission.Admitted(first, null), T0);
        assertThatThrownBy(() -> engine.admit(first.token(), null, List.of(), null))
                .as("the session's one slot is held")
                .isInstanceOf(ConnectionRefusedException.class);

        admissions.giveBackStale(engine, T0 + HandshakeAdmission.GIVE_BACK_NANOS + 1);

        assertThat(engine.admit(first.token(), null, List.of(), null).session())
                .isSameAs(first.session());
        assertThat(admissions.take(pending)).as("too late to open").isFalse();
    }

    @Test
    void anAdmissionWithinTheDeadlineIsKeptAndTakenOnce() {
        engine.start(scheduler);
        Admission first = engine.admit(null, null, List.of(), null);
        HandshakeAdmission.Pending pending =
                admissions.pending(new StreamAdmission.Admitted(first, null), T0);

        admissions.giveBackStale(engine, T0 + HandshakeAdmission.GIVE_BACK_NANOS);

        assertThatThrownBy(() -> engine.admit(first.token(), null, List.of(), null))
                .isInstanceOf(ConnectionRefusedException.class);
        assertThat(admissions.take(pending)).isTrue();
        assertThat(admissions.take(pending)).isFalse();
    }
}
