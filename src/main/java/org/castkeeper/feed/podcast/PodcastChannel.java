package org.castkeeper.feed.podcast;

import java.util.List;
import org.castkeeper.config.FeedExtras;

/** Channel-level Podcasting 2.0 data. Null and empty values are left out of the feed. */
public record PodcastChannel(
        String guid,
        boolean locked,
        String lockedOwner,
        List<FeedExtras.Funding> funding,
        List<FeedExtras.Person> persons,
        FeedExtras.Location location,
        String medium,
        FeedExtras.License license,
        List<FeedExtras.Txt> txt,
        FeedExtras.UpdateFrequency updateFrequency,
        PodcastImage image,
        List<FeedExtras.RemoteItem> podroll,
        FeedExtras.Value value,
        FeedExtras.SocialInteract socialInteract) {}
