package org.castkeeper.site;

import java.util.List;

/**
 * The embeddable player of one episode: what another site shows in its iframe.
 *
 * @param image   the episode's artwork, or the show's
 * @param pageUrl the episode's page on the show's site, opened from the player in a new tab
 */
public record EmbedPage(
        String language,
        String showTitle,
        ShowPage.EpisodeLine episode,
        String image,
        List<EpisodeSitePage.ChapterLine> chapters,
        String pageUrl) {}
