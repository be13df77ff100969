/**
 * feed-config.yml: the show's own settings and the server's, bound to immutable records by
 * {@link org.castkeeper.config.ConfigLoader}, overridable from the environment, and validated before anything
 * else starts.
 */
package org.castkeeper.config;
