/**
 * What an application touches: the {@link org.resumablesse.ServerEvent} it fires as a CDI event or
 * hands to an injected {@link org.resumablesse.EventPublisher}, the {@link
 * org.resumablesse.EventRejectedException} it may get back, and the configuration key names in
 * {@link org.resumablesse.ResumableSseConfig}.
 *
 * <p>This package is the stable API: types here change only in a compatible way within a major
 * version. It has no dependency on Jakarta EE or MicroProfile, so it can be used from any layer of
 * an application.
 */
package org.resumablesse;
