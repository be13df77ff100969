/**
 * The episode lifecycle: {@link org.castkeeper.episodes.EpisodeLifecycle} is the one place that decides what
 * saving, publishing, scheduling, unpublishing and deleting an episode mean, and replacing its audio, artwork and
 * transcripts. The admin's controllers, the importers and the commands call it; it calls the catalogue and the
 * media store. It knows no HTTP.
 */
package org.castkeeper.episodes;
