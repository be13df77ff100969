/**
 * The episode catalogue: {@link org.castkeeper.catalogue.Episode} and its parts, and
 * {@link org.castkeeper.catalogue.EpisodeRepository}, the only place that reads or writes episodes.
 * jOOQ types never leave the repositories.
 */
package org.castkeeper.catalogue;
