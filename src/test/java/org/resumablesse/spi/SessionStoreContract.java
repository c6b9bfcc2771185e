package org.resumablesse.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What every {@link SessionStore} promises. A store implementation extends this class and supplies
 * {@link #newStore(int)}; the tests then run against it. Times are arbitrary epoch milliseconds.
 */
public abstract class SessionStoreContract {

    private static final AtomicInteger NEXT = new AtomicInteger();
    private final List<SessionStore> opened = new ArrayList<>();

    /**
     * A new, empty store that holds at most {@code maxSessions} live sessions.
     *
     * @param maxSessions one or more
     */
    protected abstract SessionStore newStore(int maxSessions);

    protected SessionStore store(int maxSessions) {
        SessionStore store = newStore(maxSessions);
        opened.add(store);
        return store;
    }

    /** A public id and a token hash no other test uses, shaped like the engine's. */
    protected static String[] names() {
        String n = String.format("%022d", NEXT.incrementAndGet());
        return new String[] {"i" + n.substring(1), "h" + n + "x".repeat(21)};
    }

    @AfterEach
    void closeStores() {
        opened.forEach(SessionStore::close);
        opened.clear();
    }

    @Test
    void findsACreatedSessionByItsTokenHashAndItsId() {
        SessionStore store = store(10);
        String[] s = names();

        assertThat(store.create(s[0], s[1], "c1", 100)).isTrue();

        assertThat(store.findByTokenHash(s[1])).contains(s[0]);
        assertThat(store.isLive(s[0])).isTrue();
        assertThat(store.findByTokenHash(names()[1])).isEmpty();
        assertThat(store.isLive(names()[0])).isFalse();
    }

    @Test
    void refusesANewSessionOnceItHoldsItsMaximum() {
        SessionStore store = store(2);
        String[] a = names();
        String[] b = names();
        String[] c = names();
        assertThat(store.create(a[0], a[1], "a1", 1)).isTrue();
        assertThat(store.create(b[0], b[1], "b1", 1)).isTrue();

        assertThat(store.create(c[0], c[1], "c1", 1)).isFalse();

        assertThat(store.isLive(c[0])).isFalse();
        assertThat(store.findByTokenHash(c[1])).isEmpty();
        assertThat(store.size()).isEqualTo(2);
    }

    @Test
    void neverExpiresASessionWithAnOpenConnection() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);
        store.attach(s[0], "c2", 0);
        store.detach(s[0], "c1", 5);

        assertThat(store.expireIdle(1_000_000, 10)).isEmpty();

        assertThat(store.isLive(s[0])).isTrue();
    }

    @Test
    void expiresASessionTheTtlAfterItsLastConnectionClosedAndNotBefore() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);
        store.attach(s[0], "c2", 0);
        store.detach(s[0], "c2", 50);
        store.detach(s[0], "c1", 100);

        assertThat(store.expireIdle(199, 100)).isEmpty();
        assertThat(store.expireIdle(200, 100)).containsExactly(s[0]);

        assertThat(store.isLive(s[0])).isFalse();
        assertThat(store.findByTokenHash(s[1])).isEmpty();
        assertThat(store.size()).isZero();
    }

    @Test
    void anExpiredSessionNeverComesBack() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);
        store.detach(s[0], "c1", 0);
        store.expireIdle(1000, 10);

        assertThat(store.attach(s[0], "c2", 1000)).isFalse();
        assertThat(store.isLive(s[0])).isFalse();
        assertThat(store.findByTokenHash(s[1])).isEmpty();
        assertThat(store.connected()).isZero();
    }

    @Test
    void attachingAnUnknownSessionCountsNothing() {
        SessionStore store = store(10);

        assertThat(store.attach(names()[0], "c1", 0)).isFalse();
        assertThat(store.size()).isZero();
        assertThat(store.connected()).isZero();
    }

    @Test
    void countsLiveAndConnectedSessions() {
        SessionStore store = store(10);
        String[] a = names();
        String[] b = names();
        store.create(a[0], a[1], "a1", 0);
        store.create(b[0], b[1], "b1", 0);
        store.attach(b[0], "b2", 0);

        assertThat(store.connected()).isEqualTo(2);
        store.detach(a[0], "a1", 1);
        store.detach(b[0], "b1", 1);
        assertThat(store.connected()).as("b still has one").isEqualTo(1);
        store.detach(b[0], "b2", 2);

        assertThat(store.size()).isEqualTo(2);
        assertThat(store.connected()).isZero();
    }

    @Test
    void anExpiredSessionFreesItsPlaceUnderTheMaximum() {
        SessionStore store = store(1);
        String[] a = names();
        String[] b = names();
        store.create(a[0], a[1], "a1", 0);
        store.detach(a[0], "a1", 0);
        store.expireIdle(100, 10);

        assertThat(store.create(b[0], b[1], "b1", 100)).isTrue();
    }

    @Test
    void aDetachWithoutAnOpenConnectionChangesNothing() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);
        store.detach(s[0], "c1", 0);

        store.detach(s[0], "c1", 500);

        assertThat(store.connected()).isZero();
        assertThat(store.expireIdle(100, 100)).as("idle since 0, not 500").containsExactly(s[0]);
    }

    @Test
    void aRotatedSessionIsFoundByItsNewTokenHashOnlyAndKeepsItsIdAndConnections() {
        SessionStore store = store(10);
        String[] s = names();
        String rotated = names()[1];
        store.create(s[0], s[1], "c1", 0);

        assertThat(store.rotate(s[0], rotated)).isTrue();

        assertThat(store.findByTokenHash(rotated)).contains(s[0]);
        assertThat(store.findByTokenHash(s[1])).as("the old hash").isEmpty();
        assertThat(store.isLive(s[0])).isTrue();
        assertThat(store.connected()).as("its connection still counts").isEqualTo(1);
        assertThat(store.size()).isEqualTo(1);
        assertThat(store.expireIdle(1_000_000, 10)).as("still connected").isEmpty();
    }

    @Test
    void aRotatedSessionExpiresWithItsNewTokenHash() {
        SessionStore store = store(10);
        String[] s = names();
        String rotated = names()[1];
        store.create(s[0], s[1], "c1", 0);
        store.rotate(s[0], rotated);
        store.detach(s[0], "c1", 10);

        assertThat(store.expireIdle(20, 10)).containsExactly(s[0]);

        assertThat(store.findByTokenHash(rotated)).isEmpty();
        assertThat(store.findByTokenHash(s[1])).isEmpty();
        assertThat(store.rotate(s[0], names()[1])).as("an expired session").isFalse();
    }

    @Test
    void rotatingAnUnknownSessionChangesNothing() {
        SessionStore store = store(10);
        String[] s = names();

        assertThat(store.rotate(s[0], s[1])).isFalse();

        assertThat(store.findByTokenHash(s[1])).isEmpty();
        assertThat(store.isLive(s[0])).isFalse();
        assertThat(store.size()).isZero();
    }

    @Test
    void detachingAConnectionTwiceGivesBackOnlyThatConnection() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);
        store.attach(s[0], "c2", 0);

        store.detach(s[0], "c2", 10);
        store.detach(s[0], "c2", 20);

        assertThat(store.connected()).as("c1 is still open").isEqualTo(1);
        assertThat(store.expireIdle(1_000_000, 10)).isEmpty();
        store.detach(s[0], "c1", 30);
        assertThat(store.expireIdle(40, 10)).containsExactly(s[0]);
    }

    @Test
    void detachingAConnectionThatWasNeverCountedChangesNothing() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);

        store.detach(s[0], "never-attached", 10);

        assertThat(store.connected()).isEqualTo(1);
        assertThat(store.expireIdle(1_000_000, 10)).isEmpty();
        assertThat(store.isLive(s[0])).isTrue();
    }

    @Test
    void attachingTheSameConnectionTwiceCountsItOnce() {
        SessionStore store = store(10);
        String[] s = names();
        store.create(s[0], s[1], "c1", 0);
        store.attach(s[0], "c2", 0);
        store.attach(s[0], "c2", 0);

        store.detach(s[0], "c1", 10);
        store.detach(s[0], "c2", 20);

        assertThat(store.connected()).isZero();
        assertThat(store.expireIdle(30, 10)).containsExactly(s[0]);
    }

    @Test
    void closesMoreThanOnceWithoutComplaint() {
        SessionStore store = store(1);
        store.close();

        assertThatCode(store::close).doesNotThrowAnyException();
    }
}
