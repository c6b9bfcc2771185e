package org.resumablesse.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.resumablesse.spi.SessionStore;
import org.resumablesse.spi.StoreUnavailableException;

/**
 * A shared session store can take a create or an attach and then fail to answer (a timeout): the
 * node does not know whether the connection was counted. It must neither keep the session alive for
 * ever (counted, never given back) nor end a session that still has an open connection (given back
 * when it was never counted).
 */
class UnansweredSessionCallsTest {

    private static final long TTL = 100;

    private final Unanswering store = new Unanswering(new InMemorySessionStore(10));
    private final SessionRegistry registry =
            new SessionRegistry(new SessionIds(new SecureRandom()), store);

    @Test
    void anAttachThatReachedTheStoreButWasNotAnsweredIsGivenBackSoTheSessionStillExpires() {
        SessionRegistry.Issued issued = registry.issue(0).orElseThrow();
        registry.detach(issued.session(), 0);
        Session resumed = registry.resume(issued.token()).orElseThrow();

        store.next = Failure.AFTER_IT_LANDED;
        assertThatThrownBy(() -> registry.attach(resumed, 4, 10))
                .isInstanceOf(StoreUnavailableException.class);
        assertThat(store.connected()).as("the store counted it").isEqualTo(1);

        assertThat(registry.expireIdle(10 + TTL, TTL)).containsExactly(issued.session().id());
    }

    @Test
    void anAttachThatNeverReachedTheStoreDoesNotEndASessionWithAnOpenConnection() {
        SessionRegistry.Issued issued = registry.issue(0).orElseThrow();

        store.next = Failure.BEFORE_IT_LANDED;
        assertThatThrownBy(() -> registry.attach(issued.session(), 4, 10))
                .isInstanceOf(StoreUnavailableException.class);

        assertThat(registry.expireIdle(1_000_000, TTL)).isEmpty();
        assertThat(store.connected()).isEqualTo(1);
        registry.detach(issued.session(), 1_000_000);
        assertThat(registry.expireIdle(1_000_000 + TTL, TTL))
                .containsExactly(issued.session().id());
    }

    @Test
    void aCreateThatReachedTheStoreButWasNotAnsweredIsGivenBackSoTheSessionStillExpires() {
        store.next = Failure.AFTER_IT_LANDED;
        assertThatThrownBy(() -> registry.issue(0)).isInstanceOf(StoreUnavailableException.class);
        assertThat(store.size()).isEqualTo(1);

        assertThat(registry.expireIdle(TTL, TTL)).hasSize(1);
        assertThat(store.size()).isZero();
    }

    private enum Failure {
        NONE,
        BEFORE_IT_LANDED,
        AFTER_IT_LANDED
    }

    /** Fails its next create or attach, before or after passing it on, as a timeout would. */
    private static final class Unanswering extends DelegatingSessionStore {
        Failure next = Failure.NONE;

        Unanswering(SessionStore store) {
            super(store);
        }

        private boolean unanswered(BooleanSupplier call) {
            Failure failure = next;
            next = Failure.NONE;
            if (failure == Failure.BEFORE_IT_LANDED) {
                throw new StoreUnavailableException("not sent", null);
            }
            boolean answer = call.getAsBoolean();
            if (failure == Failure.AFTER_IT_LANDED) {
                throw new StoreUnavailableException("answer lost", null);
            }
            return answer;
        }

        @Override
        public boolean create(
                String sessionId, String tokenHash, String connectionId, long nowMillis) {
            return unanswered(() -> super.create(sessionId, tokenHash, connectionId, nowMillis));
        }

        @Override
        public boolean attach(String sessionId, String connectionId, long nowMillis) {
            return unanswered(() -> super.attach(sessionId, connectionId, nowMillis));
        }
    }
}
