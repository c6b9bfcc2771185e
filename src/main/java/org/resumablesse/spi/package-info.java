/**
 * The service-provider interface of the event store: where history lives. The module ships an
 * in-memory implementation ({@code org.resumablesse.core.InMemoryEventStore}); a shared store
 * (Redis) implements the same contract so that several nodes share one history. Implementations
 * must pass the contract test suite in the test sources ({@code EventStoreContract}).
 *
 * <p>Applications do not use this package; store implementers do. It changes only with a minor
 * version and release notes.
 */
package org.resumablesse.spi;
