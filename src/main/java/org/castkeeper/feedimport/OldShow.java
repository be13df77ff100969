package org.castkeeper.feedimport;

import com.rometools.modules.itunes.FeedInformationImpl;
import java.net.URI;
import org.castkeeper.feed.podcast.PodcastChannel;

/**
 * The old feed's channel, as read from its first page.
 *
 * @param itunes  the iTunes tags (never null; empty when the feed has none)
 * @param podcast the Podcasting 2.0 tags, or null when the feed has none
 */
record OldShow(
        URI feedUrl,
        String title,
        String description,
        String language,
        String link,
        String imageUrl,
        FeedInformationImpl itunes,
        PodcastChannel podcast) {

    /** podcast:locked yes: the owner asked that no other host take the show without proving they own it. */
    boolean locked() {
        return podcast != null && podcast.locked();
    }
}
