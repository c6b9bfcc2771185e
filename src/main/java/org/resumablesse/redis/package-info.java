/**
 * The Redis stores: {@link org.resumablesse.redis.RedisEventStore} and {@link
 * org.resumablesse.redis.RedisSessionStore} let several nodes share one history and one set of
 * sessions, with one global feed each node follows for live delivery. Used when {@code
 * resumable-sse.store=redis}; the Jedis client they need is an optional dependency, and nothing
 * here is loaded on the memory store.
 *
 * <p>Applications do not use this package directly; the Jakarta adapter builds the stores from
 * configuration. It changes only with a minor version and release notes.
 */
package org.resumablesse.redis;
