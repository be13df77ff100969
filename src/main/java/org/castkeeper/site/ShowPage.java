package org.castkeeper.site;

import java.util.List;

/** The show's home page. */
public record ShowPage(
        SiteHead head, String author, List<SubscribeLink> subscribe, EpisodeLine latest, List<EpisodeLine> episodes) {

    /** "Listen on …": a directory listing the host saved, or the RSS feed. */
    public record SubscribeLink(String code, String label, String url) {}

    /** One episode in a list. */
    public record EpisodeLine(String title, String url, String date, String duration, String audioUrl) {}
}
