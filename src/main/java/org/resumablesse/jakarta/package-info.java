/**
 * The Jakarta EE / MicroProfile adapter: the JAX-RS stream resource, the application-scoped session
 * manager that runs the engine on the container's managed executors, the CDI observers that publish
 * fired {@link org.resumablesse.ServerEvent}s, MicroProfile Config reading and MicroProfile Metrics
 * recording.
 *
 * <p>Applications do not call these types; the container finds them in the jar. Their names matter
 * only to move the stream (see {@code docs/howto/add-to-a-war.md}).
 */
package org.resumablesse.jakarta;
