/**
 * The load client: one thread and one selector holding thousands of HTTP/1.1 SSE connections (JDK
 * NIO only), a byte-level WHATWG event-stream parser, per-connection completeness and
 * publish-to-receive latency. Not thread-safe unless a type says so; {@link
 * org.resumablesse.perf.client.LoadClient} is the entry point for other threads.
 */
package org.resumablesse.perf.client;
