/**
 * The WebSocket front of the stream: {@code /sse/events/ws}, a Jakarta WebSocket endpoint that
 * admits clients exactly as the event stream does and sends the same frames as text messages, one
 * message per batch. Registered programmatically where the application has a WebSocket container;
 * only loaded there. Applications do not call these types.
 */
package org.resumablesse.jakarta.websocket;
