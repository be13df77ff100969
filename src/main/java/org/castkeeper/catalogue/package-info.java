/**
 * The catalogue: episodes and their parts, the show's settings, the rules every episode field follows
 * ({@link org.castkeeper.catalogue.EpisodeRules}), what is public now
 * ({@link org.castkeeper.catalogue.PublicationCache}), and the repositories, the only places that read or write
 * the tables. jOOQ types never leave the repositories.
 */
package org.castkeeper.catalogue;
