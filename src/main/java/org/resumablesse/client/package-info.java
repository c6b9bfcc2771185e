/**
 * A Java client for the resumable stream: {@link org.resumablesse.client.ResumableEventSource}
 * keeps the cursor and the session token, reconnects with capped exponential backoff and full
 * jitter, and reports each {@code connected} status. It runs on the Jakarta REST client API ({@code
 * SseEventSource}), so it works inside any Jakarta EE server and, with a JAX-RS client
 * implementation and its SSE support (Jersey's {@code jersey-media-sse}), in any JVM.
 *
 * <p>Applications may use every public type here; the package is stable like the API. Nothing in
 * the server side depends on it, and it depends on nothing of the server side.
 */
package org.resumablesse.client;
