package org.castkeeper.distribution;

/**
 * The directories a host submits the feed to. Google Podcasts closed in 2024; YouTube Music reads podcast RSS
 * feeds in its place, by Google's older feed rules.
 *
 * @param submitUrl   where the host submits the feed URL
 * @param listingHost the host name of the show's page in that directory, to recognise a pasted listing URL
 */
public enum Directory {
    APPLE("Apple Podcasts", "https://podcastsconnect.apple.com/", "podcasts.apple.com"),
    SPOTIFY("Spotify", "https://creators.spotify.com/", "open.spotify.com"),
    YOUTUBE("YouTube Music", "https://studio.youtube.com/", "music.youtube.com");

    private final String title;
    private final String submitUrl;
    private final String listingHost;

    Directory(String title, String submitUrl, String listingHost) {
        this.title = title;
        this.submitUrl = submitUrl;
        this.listingHost = listingHost;
    }

    public String title() {
        return title;
    }

    public String submitUrl() {
        return submitUrl;
    }

    public String listingHost() {
        return listingHost;
    }

    public String code() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
