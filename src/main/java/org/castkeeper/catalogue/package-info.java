/**
 * The catalogue: episodes and their parts, the show's settings, the rules every episode field follows
 * ({@link org.castkeeper.catalogue.EpisodeRules}), what is public now
 * ({@link org.castkeeper.catalogue.PublicationCache}), and the repositories that read and write its tables (with
 * {@code EpisodeNotices} and {@code Tombstones} beside the episodes'). Other packages keep tables of their own the
 * same way ({@code auth}'s accounts, {@code analytics}' counts, {@code distribution}'s listings); jOOQ's records
 * and queries stay inside the classes that run them: callers get records of ours.
 */
package org.castkeeper.catalogue;
