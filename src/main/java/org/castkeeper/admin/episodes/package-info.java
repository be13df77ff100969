/**
 * The episode pages of the admin: the list with its search, paging and uploads (EpisodeListController), and the
 * editor (EpisodeEditController) with its form, chapters, soundbites and previews. Every change goes through
 * episodes.EpisodeLifecycle.
 */
package org.castkeeper.admin.episodes;
