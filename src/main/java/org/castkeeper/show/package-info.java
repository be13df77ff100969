/**
 * The show's own settings as the host changes them: {@link org.castkeeper.show.ShowEditor} saves a whole form of
 * settings or new show artwork, each change logged and kept in the change log. The pages never write the settings
 * repository themselves, as they never write an episode (that is {@code episodes.EpisodeLifecycle}'s).
 */
package org.castkeeper.show;
