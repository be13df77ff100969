/**
 * Listener analytics the way the industry counts them (IAB Podcast Measurement Technical Guidelines v2.2): every
 * media request answered with bytes is recorded off the hot path ({@link org.castkeeper.analytics.RequestLog}),
 * with salted hashes of the day instead of addresses.
 */
package org.castkeeper.analytics;
