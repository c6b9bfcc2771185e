/**
 * The Servlet front of the stream: {@code /sse/events} served with Servlet non-blocking I/O ({@code
 * AsyncContext}, {@code WriteListener}, {@code ReadListener}), so that no thread is held per
 * connection, a client that stops reading holds a bounded number of bytes, and a client that leaves
 * is noticed at once. Mounted by a {@code ServletContainerInitializer}; only loaded where the
 * application can see the Servlet API. Applications do not call these types, except {@link
 * org.resumablesse.jakarta.servlet.ServletStreamRequest} to hand their own request to {@link
 * org.resumablesse.jakarta.SseSessionManager#rotateToken}.
 */
package org.resumablesse.jakarta.servlet;
