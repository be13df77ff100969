package org.castkeeper.config;

import java.util.List;
import org.castkeeper.config.FeedExtras.Funding;
import org.castkeeper.config.FeedExtras.License;
import org.castkeeper.config.FeedExtras.Location;
import org.castkeeper.config.FeedExtras.Person;
import org.castkeeper.config.FeedExtras.Spotify;
import org.castkeeper.config.FeedExtras.Txt;
import org.castkeeper.config.FeedExtras.UpdateFrequency;

/**
 * The show as directories see it. Every value ends up in the feed; ConfigValidator says which are required.
 *
 * @param link     the show's website; the public URL when not set
 * @param artwork  path of the square show artwork, relative to the config file
 * @param timeZone the zone in which the host schedules episodes, e.g. "Europe/London"
 * @param locked   podcast:locked: ask other platforms not to import the feed without the owner (default true)
 * @param block    itunes:block and googleplay:block: keep the show out of directories
 * @param blockFrom keep the show out of some directories only: "apple" (itunes:block), "youtube" (googleplay:block)
 * @param complete itunes:complete: no more episodes will come
 * @param newFeedUrl itunes:new-feed-url: the feed has moved there
 * @param podcastGuid the show's podcast:guid, when it was given one elsewhere; else derived from the feed URL
 * @param op3      send the feed's enclosure URLs through OP3's analytics prefix (off by default)
 */
public record ShowSettings(
        String title,
        String description,
        String author,
        String language,
        List<Category> categories,
        Boolean explicit,
        String type,
        Owner owner,
        String link,
        String artwork,
        String copyright,
        String timeZone,
        Boolean locked,
        Boolean block,
        List<String> blockFrom,
        Boolean complete,
        String newFeedUrl,
        String podcastGuid,
        String medium,
        List<Funding> funding,
        List<Person> persons,
        Location location,
        License license,
        List<Txt> txt,
        UpdateFrequency updateFrequency,
        Spotify spotify,
        List<FeedExtras.RemoteItem> podroll,
        FeedExtras.Value value,
        FeedExtras.SocialInteract socialInteract,
        Boolean op3) {

    public ShowSettings {
        op3 = op3 != null && op3;
        categories = categories == null ? List.of() : List.copyOf(categories);
        type = type == null ? "episodic" : type;
        timeZone = timeZone == null ? "UTC" : timeZone;
        locked = locked == null || locked;
        block = block != null && block;
        blockFrom = blockFrom == null ? List.of() : List.copyOf(blockFrom);
        complete = complete != null && complete;
        funding = funding == null ? List.of() : List.copyOf(funding);
        persons = persons == null ? List.of() : List.copyOf(persons);
        txt = txt == null ? List.of() : List.copyOf(txt);
        podroll = podroll == null ? List.of() : List.copyOf(podroll);
    }

    /** The zone scheduled times are given in (timeZone, checked by the loader and the settings form). */
    public java.time.ZoneId zone() {
        return java.time.ZoneId.of(timeZone);
    }

    /** itunes:block: out of Apple Podcasts (and the apps that follow Apple's lead). */
    public boolean blocksApple() {
        return block || blockFrom.contains("apple");
    }

    /** googleplay:block: out of YouTube Music, which reads Google's feed rules. */
    public boolean blocksYouTube() {
        return block || blockFrom.contains("youtube");
    }

    /** An Apple Podcasts category, with an optional subcategory from Apple's list. */
    public record Category(String category, String subcategory) {}

    /**
     * Who owns the show: Spotify and YouTube mail their verification codes to this address.
     *
     * @param hideEmail       leave itunes:owner out of the feed (without its email it is invalid, so it goes
     *                        whole). Apple no longer asks for it; Spotify and YouTube need it while they verify the
     *                        show, and not after.
     * @param hideLockedEmail leave the email out of podcast:locked as well: a host the show moves to can then no
     *                        longer confirm by mail that the show is yours, so it is a separate choice
     */
    public record Owner(String name, String email, Boolean hideEmail, Boolean hideLockedEmail) {
        public Owner(String name, String email) {
            this(name, email, false, false);
        }

        public Owner(String name, String email, Boolean hideEmail) {
            this(name, email, hideEmail, false);
        }

        public Owner {
            hideEmail = Boolean.TRUE.equals(hideEmail);
            hideLockedEmail = Boolean.TRUE.equals(hideLockedEmail);
        }

        /** The email as itunes:owner shows it: null while it is hidden. */
        public String publicEmail() {
            return hideEmail ? null : email;
        }

        /** The email as podcast:locked names it: null only when hidden there too. */
        public String lockedEmail() {
            return hideLockedEmail ? null : email;
        }
    }
}
