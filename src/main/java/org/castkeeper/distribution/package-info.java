/**
 * Getting the show into Apple Podcasts, Spotify and YouTube Music: which directory wants what
 * ({@link org.castkeeper.distribution.ReadinessChecks}, computed from the real feed, artwork and media), and where
 * the show is listed once accepted ({@link org.castkeeper.distribution.Listings}).
 */
package org.castkeeper.distribution;
