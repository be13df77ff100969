/**
 * feed-config.yml: the server's settings and the show's first settings (the catalogue keeps the show's after the
 * first start), bound to immutable records by {@link org.castkeeper.config.ConfigLoader}, overridable from the
 * environment, and validated before anything else starts.
 */
package org.castkeeper.config;
