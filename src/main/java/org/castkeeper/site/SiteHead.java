package org.castkeeper.site;

/** What every public page puts in its head: title, description, feed link and Open Graph tags. */
public record SiteHead(
        String language,
        String title,
        String description,
        String showTitle,
        String feedUrl,
        String url,
        String image,
        String ogType,
        String audio,
        String audioType) {}
