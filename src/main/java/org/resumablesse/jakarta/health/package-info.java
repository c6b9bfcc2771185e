/**
 * MicroProfile Health checks of the module: readiness reports the store (down while Redis cannot be
 * reached, with the reason), liveness reports the engine. The container discovers them as CDI
 * beans; applications do not use this package.
 *
 * <p>They need MicroProfile Health in the server (Payara Micro 6 has it; OpenLiberty needs the
 * {@code mpHealth-4.0} feature, listed in the repository's {@code liberty/server.xml}).
 */
package org.resumablesse.jakarta.health;
