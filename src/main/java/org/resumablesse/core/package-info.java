/**
 * The engine in plain Java 17: cursors and event ids, the WHATWG frame encoder, sessions and their
 * expiry, the in-memory event store, recovery planning and per-connection delivery. No Jakarta EE
 * or MicroProfile type is used here (an architecture test enforces it); time comes from an injected
 * {@link java.time.Clock} and the scheduler and executor are passed in.
 *
 * <p>Adapters use this package; applications normally do not. Its types may change between minor
 * versions.
 */
package org.resumablesse.core;
