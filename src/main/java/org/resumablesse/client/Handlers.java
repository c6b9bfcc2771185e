package org.resumablesse.client;

import java.util.function.Consumer;

/** The handlers given to the builder; none is null. */
record Handlers(
        Consumer<ResumableEvent> onEvent,
        Consumer<ConnectedStatus> onConnected,
        Consumer<Throwable> onDisconnected) {}
