/**
 * Listener analytics the way the industry counts them (IAB Podcast Measurement Technical Guidelines v2.2): every
 * media request answered with bytes (or redirected to a CDN) is recorded off the hot path
 * ({@link org.castkeeper.analytics.RequestLog}), with salted hashes of the day instead of addresses; each finished
 * day is counted once and kept as daily totals, and {@link org.castkeeper.analytics.Stats} reads them, with
 * today's records counted as asked, for the dashboard and {@code castkeeper stats}.
 */
package org.castkeeper.analytics;
