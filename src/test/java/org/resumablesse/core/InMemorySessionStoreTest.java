package org.resumablesse.core;

import org.resumablesse.spi.SessionStore;
import org.resumablesse.spi.SessionStoreContract;

class InMemorySessionStoreTest extends SessionStoreContract {

    @Override
    protected SessionStore newStore(int maxSessions) {
        return new InMemorySessionStore(maxSessions);
    }
}
