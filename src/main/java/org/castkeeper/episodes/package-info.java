/**
 * The episode lifecycle: {@link org.castkeeper.episodes.EpisodeLifecycle} is the one place that decides what
 * saving, publishing, scheduling, unpublishing and deleting an episode mean. The admin's controllers call it; it
 * calls the catalogue. It knows no HTTP.
 */
package org.castkeeper.episodes;
