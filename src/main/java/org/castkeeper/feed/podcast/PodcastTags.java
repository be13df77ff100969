package org.castkeeper.feed.podcast;

import java.util.ArrayList;
import java.util.List;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.feed.XmlText;

/** Fills the Podcasting 2.0 module from the show settings (channel) and an episode (item). */
public final class PodcastTags {
    private PodcastTags() {}

    /** The show's podcast:guid: the one it was given, else made from the feed's URL. */
    public static String guid(ShowSettings show, FeedUrls urls) {
        return show.podcastGuid() != null
                ? show.podcastGuid()
                : PodcastGuid.forFeedUrl(urls.feed()).toString();
    }

    public static PodcastModule channel(ShowSettings show, FeedUrls urls) {
        return PodcastModule.of(new PodcastChannel(
                guid(show, urls),
                show.locked(),
                XmlText.clean(show.owner().lockedEmail()),
                show.funding(),
                show.persons(),
                show.location(),
                show.medium(),
                show.license(),
                show.txt(),
                show.updateFrequency(),
                new PodcastImage(
                        urls.showArtwork(), XmlText.clean(show.title()), PodcastImage.typeOf(urls.showArtwork())),
                show.podroll(),
                show.value(),
                show.socialInteract()));
    }

    /**
     * @param language   the show's language, which its transcripts are in
     * @param showSocial the show's comment settings: an episode's own thread uses its protocol and account
     */
    public static PodcastModule item(Episode e, String language, FeedExtras.SocialInteract showSocial, FeedUrls urls) {
        List<PodcastItem.Transcript> transcripts = new ArrayList<>();
        for (org.castkeeper.catalogue.Transcript t : e.transcripts()) {
            transcripts.add(new PodcastItem.Transcript(
                    urls.media(t.path()),
                    t.type(),
                    t.language() != null ? t.language() : language,
                    t.timed() ? "captions" : null));
        }
        String chapters = e.chapters().isEmpty() ? null : urls.chapters(e.slug());
        PodcastImage image = e.artworkPath() == null
                ? null
                : new PodcastImage(
                        urls.media(e.artworkPath()), XmlText.clean(e.title()), PodcastImage.typeOf(e.artworkPath()));
        return PodcastModule.of(new PodcastItem(
                transcripts,
                chapters,
                e.season(),
                e.episodeNumber(),
                e.soundbites(),
                e.persons(),
                image,
                episodeThread(e, showSocial)));
    }

    /**
     * The episode's own comment thread: its root post, on the show's protocol and account (ActivityPub when the
     * show names none). None while the show has comments switched off ("disabled" at the channel says it).
     */
    private static FeedExtras.SocialInteract episodeThread(Episode e, FeedExtras.SocialInteract show) {
        if (e.socialUri() == null || (show != null && show.disabled())) {
            return null;
        }
        return show == null
                ? new FeedExtras.SocialInteract("activitypub", e.socialUri(), null, null)
                : new FeedExtras.SocialInteract(show.protocol(), e.socialUri(), show.accountId(), show.accountUrl());
    }
}
