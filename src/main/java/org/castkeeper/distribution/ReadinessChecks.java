package org.castkeeper.distribution;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.castkeeper.config.ApplePodcastCategories;
import org.castkeeper.config.ServerSettings;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.distribution.Check.Status;
import org.castkeeper.media.ArtworkRules;

/**
 * What each directory will make of the show, computed from the real feed bytes, the real artwork file and real
 * HTTP requests to the media. Every finding is checked once; each directory then weighs it as it does (Spotify and
 * YouTube refuse a feed without an owner email, for instance; Apple only needs it for contact).
 */
public final class ReadinessChecks {
    static final int DESCRIPTION_LIMIT_BYTES = 4000;
    static final int FEED_SIZE_WARNING_BYTES = 10 * 1024 * 1024;

    private final Supplier<byte[]> feedXml;
    private final Supplier<ShowSettings> show;
    private final Function<ShowSettings, Path> artworkFile;
    private final String baseUrl;
    private final Listings listings;
    private final MediaProbe probe = new MediaProbe();

    /**
     * @param feedXml     the first page of the feed as it is served now
     * @param show        the show's settings as they are now
     * @param artworkFile where the artwork file the settings name is
     * @param baseUrl     the public URL (server.publicUrl)
     */
    public ReadinessChecks(
            Supplier<byte[]> feedXml,
            Supplier<ShowSettings> show,
            Function<ShowSettings, Path> artworkFile,
            String baseUrl,
            Listings listings) {
        this.feedXml = feedXml;
        this.show = show;
        this.artworkFile = artworkFile;
        this.baseUrl = baseUrl;
        this.listings = listings;
    }

    /** The checks, per directory. */
    public record Report(Map<Directory, List<Check>> checks) {
        public boolean anyFailing() {
            return checks.values().stream().flatMap(List::stream).anyMatch(c -> c.status() == Status.FAIL);
        }

        public long count(Directory directory, Status status) {
            return checks.get(directory).stream()
                    .filter(c -> c.status() == status)
                    .count();
        }
    }

    /**
     * @param probeBase where to send the media requests instead of the public URL (e.g. the server's own local
     *                  address), or null to fetch the public URLs as a directory would
     */
    public Report run(String probeBase) throws Exception {
        byte[] xml = feedXml.get();
        FeedFacts feed = FeedFacts.parse(xml);
        String base = baseUrl;

        Check episodes = feed.items().isEmpty()
                ? Check.fail(
                        "Episodes",
                        "No episode is published yet.",
                        "Publish at least one episode: directories refuse an empty feed.")
                : Check.pass("Episodes", feed.items().size() + " published.");
        var ownerSettings = show.get().owner();
        Map<Directory, String> listed = listings.all();
        Check owner = ownerEmail(feed.ownerEmail());
        Check artwork = artwork();
        Check category = !feed.categories().isEmpty()
                        && ApplePodcastCategories.isCategory(feed.categories().get(0))
                ? Check.pass("Category", feed.categories().get(0) + ".")
                : Check.fail(
                                "Category",
                                "The first itunes:category is not on Apple's list.",
                                "Choose the main category from Apple's list.")
                        .at("categories");
        Check explicit = "true".equals(feed.explicit()) || "false".equals(feed.explicit())
                ? Check.pass("Explicit", "itunes:explicit is " + feed.explicit() + ".")
                : Check.fail(
                                "Explicit",
                                "itunes:explicit is missing or not true/false.",
                                "Say whether the show is explicit.")
                        .at("explicit");
        Check language = feed.language() != null && !feed.language().isBlank()
                ? Check.pass("Language", feed.language() + ".")
                : Check.fail("Language", "The feed has no language.", "Set the language, e.g. en.")
                        .at("language");
        int descriptionBytes =
                feed.description() == null ? 0 : feed.description().getBytes(StandardCharsets.UTF_8).length;
        Check description = descriptionBytes == 0
                ? Check.fail("Description", "The show has no description.", "Write the show's description.")
                        .at("description")
                : descriptionBytes > DESCRIPTION_LIMIT_BYTES
                        ? Check.fail(
                                        "Description",
                                        "The description is " + descriptionBytes + " bytes; Apple allows "
                                                + DESCRIPTION_LIMIT_BYTES + ".",
                                        "Shorten the description.")
                                .at("description")
                        : Check.pass("Description", descriptionBytes + " bytes.");
        List<MediaProbe.Result> probes = probe.probe(feed.items(), base, probeBase);
        Check enclosures = enclosures(probes);
        Check ranges = ranges(probes);
        Check redirects = redirects(probes);
        Check guids = guids(feed);
        Check https = base.startsWith("https://")
                ? Check.pass("HTTPS", "The feed and media are served over https.")
                : Check.warn(
                        "HTTPS",
                        "server.publicUrl is " + base + ".",
                        "Serve Castkeeper over https (see the README's \"https through a reverse proxy\"), then set"
                                + " server.publicUrl in feed-config.yml (or CASTKEEPER_SERVER_PUBLIC_URL) to that"
                                + " address and restart Castkeeper.");
        Check reachable = reachable(base);
        Check size = feed.sizeBytes() > FEED_SIZE_WARNING_BYTES
                ? Check.warn(
                        "Feed size",
                        "The feed is " + feed.sizeBytes() / 1024 + " KB.",
                        "Set feed.itemLimit in feed-config.yml (or CASTKEEPER_FEED_ITEM_LIMIT) so /feed.xml"
                                + " lists only recent episodes, then restart Castkeeper.")
                : Check.pass("Feed size", feed.sizeBytes() / 1024 + " KB.");
        ShowSettings settings = show.get();
        Check appleBlock = settings.blocksApple()
                ? Check.fail(
                                "Not blocked",
                                "The feed carries itunes:block, so Apple will not list the show.",
                                "Untick both blocks of Apple Podcasts (and of every directory).")
                        .at("blockFrom")
                : Check.pass("Not blocked", "The feed does not block Apple.");
        Check youtubeBlock = settings.blocksYouTube()
                ? Check.fail(
                                "Not blocked",
                                "The feed carries googleplay:block, so YouTube Music will not list the show.",
                                "Untick both blocks of YouTube Music (and of every directory).")
                        .at("blockFrom[1]")
                : Check.pass("Not blocked", "The feed does not block YouTube Music.");
        Check spotifyBlock = settings.block()
                ? Check.warn(
                                "Not blocked",
                                "The show is kept out of every directory: the feed asks directories not to list it.",
                                "Untick \"Keep the show out of every directory\".")
                        .at("block")
                : Check.pass("Not blocked", "The feed does not ask directories to stay away.");
        Check homepage = feed.link() != null && feed.author() != null
                ? Check.pass("Homepage and author", feed.link() + ", " + feed.author() + ".")
                : Check.fail(
                                "Homepage and author",
                                "The feed lacks a link or an author.",
                                "Set the author (and the website, if the show has its own).")
                        .at("author");

        Check titles = titlesWithoutAngleBrackets(feed.items());
        Check chapters = chaptersSpotifyReads(feed.items());
        Check transcripts = transcriptsAppleReads(feed.items());

        Map<Directory, List<Check>> report = new EnumMap<>(Directory.class);
        report.put(
                Directory.APPLE,
                List.of(
                        episodes,
                        reachable,
                        https.as(Status.WARN),
                        ownerSettings.hideEmail()
                                ? Check.pass("Owner email", "Hidden: Apple does not need it.")
                                : owner.as(Status.WARN),
                        artwork,
                        category,
                        explicit,
                        language,
                        description,
                        enclosures,
                        ranges,
                        redirects,
                        guids,
                        size,
                        appleBlock,
                        transcripts));
        report.put(
                Directory.SPOTIFY,
                List.of(
                        episodes,
                        reachable,
                        https.as(Status.WARN),
                        ownerSettings.hideEmail() ? hiddenEmail(Directory.SPOTIFY, listed) : owner,
                        artwork,
                        category.as(Status.WARN),
                        explicit.as(Status.WARN),
                        language,
                        description.as(Status.WARN),
                        enclosures,
                        ranges.as(Status.WARN),
                        redirects,
                        guids,
                        size,
                        spotifyBlock,
                        chapters));
        report.put(
                Directory.YOUTUBE,
                List.of(
                        episodes,
                        reachable,
                        https.as(Status.WARN),
                        ownerSettings.hideEmail() ? hiddenEmail(Directory.YOUTUBE, listed) : owner,
                        artwork,
                        category.as(Status.WARN),
                        explicit.as(Status.WARN),
                        language,
                        description.as(Status.WARN),
                        enclosures,
                        ranges.as(Status.WARN),
                        redirects,
                        guids,
                        homepage.as(Status.WARN),
                        size,
                        youtubeBlock,
                        titles));
        return new Report(report);
    }

    /** YouTube refuses "<" and ">" in an episode title. */
    private static Check titlesWithoutAngleBrackets(List<FeedFacts.Item> items) {
        List<String> bad = items.stream()
                .map(FeedFacts.Item::title)
                .filter(t -> t != null && (t.contains("<") || t.contains(">")))
                .toList();
        return bad.isEmpty()
                ? Check.pass("Titles", "No title has < or >.")
                : Check.fail(
                        "Titles",
                        "YouTube refuses < and > in titles: " + quoted(bad) + ".",
                        "Edit those titles and use other words or brackets instead of < and >.");
    }

    /** Spotify shows chapters only from Podlove Simple Chapters (or timestamps in the notes). */
    private static Check chaptersSpotifyReads(List<FeedFacts.Item> items) {
        long withChapters =
                items.stream().filter(FeedFacts.Item::podcastChapters).count();
        List<String> missing = items.stream()
                .filter(i -> i.podcastChapters() && !i.pscChapters())
                .map(FeedFacts.Item::title)
                .toList();
        if (!missing.isEmpty()) {
            return Check.warn(
                    "Chapters",
                    "Spotify will not show the chapters of " + quoted(missing) + ": they are only in podcast:chapters.",
                    "Spotify reads chapters from psc:chapters.");
        }
        return Check.pass(
                "Chapters",
                withChapters == 0
                        ? "No episode has chapters."
                        : withChapters + " episodes have chapters, written as psc:chapters, which Spotify shows.");
    }

    /** Apple reads podcast:transcript and prefers WebVTT. */
    private static Check transcriptsAppleReads(List<FeedFacts.Item> items) {
        List<String> srtOnly = items.stream()
                .filter(i -> !i.transcriptTypes().isEmpty()
                        && i.transcriptTypes().stream().noneMatch(t -> t.equals("text/vtt")))
                .map(FeedFacts.Item::title)
                .toList();
        return srtOnly.isEmpty()
                ? Check.pass("Transcripts", "Every transcript is WebVTT, or there are none.")
                : Check.warn(
                        "Transcripts",
                        "Apple prefers WebVTT; these have SRT only: " + quoted(srtOnly) + ".",
                        "Upload a WebVTT (.vtt) transcript for those episodes.");
    }

    /** At most three titles, then how many more. */
    private static String quoted(List<String> titles) {
        String shown =
                titles.stream().limit(3).map(t -> "\"" + t + "\"").collect(java.util.stream.Collectors.joining(", "));
        return titles.size() > 3 ? shown + " and " + (titles.size() - 3) + " more" : shown;
    }

    /**
     * The host hides the owner email. Spotify and YouTube mail their verification code to it when the show is
     * submitted: hiding it is safe once the listing exists, and the page says so.
     */
    private static Check hiddenEmail(Directory directory, Map<Directory, String> listed) {
        if (listed.containsKey(directory)) {
            return Check.pass(
                    "Owner email",
                    "Hidden, and the show is listed on " + directory.title() + ": it no longer needs the address.");
        }
        return Check.warn(
                        "Owner email",
                        "The owner email is hidden and no "
                                + directory.title() + " listing is saved yet. " + directory.title()
                                + " sends its verification "
                                + "code to that address when you submit the feed.",
                        "Show the email (untick \"Hide the owner email\") until " + directory.title()
                                + " has verified the show, save the listing URL here, then " + "hide it again.")
                .at("owner.hideEmail");
    }

    private static Check ownerEmail(String email) {
        if (email == null || email.isBlank()) {
            return Check.fail(
                            "Owner email",
                            "The feed has no itunes:owner email, where Spotify and YouTube send "
                                    + "their verification code.",
                            "Set the owner email to an address you read.")
                    .at("owner.email");
        }
        String domain = email.substring(email.indexOf('@') + 1).toLowerCase(Locale.ROOT);
        if (Set.of("example.com", "example.org", "example.net").contains(domain)) {
            return Check.fail(
                            "Owner email",
                            email + " is a placeholder: the verification code would be lost.",
                            "Set the owner email to an address you read.")
                    .at("owner.email");
        }
        return Check.pass("Owner email", email + ".");
    }

    private Check artwork() {
        try {
            byte[] bytes = Files.readAllBytes(artworkFile.apply(show.get()));
            String kind = ArtworkRules.check(bytes);
            String name = artworkFile.apply(show.get()).getFileName().toString().toLowerCase(Locale.ROOT);
            boolean extensionMatches =
                    kind.equals("png") ? name.endsWith(".png") : name.endsWith(".jpg") || name.endsWith(".jpeg");
            if (!extensionMatches) {
                return Check.fail(
                                "Artwork",
                                "The artwork is a " + kind.toUpperCase(Locale.ROOT) + " image named " + name + ".",
                                "Upload it again: the name must end in ." + kind + " for Apple.")
                        .at("artwork");
            }
            return Check.pass("Artwork", name + " meets Apple's rules.");
        } catch (ArtworkRules.Broken broken) {
            return Check.fail(
                            "Artwork",
                            broken.getMessage(),
                            "Upload a square RGB JPEG or PNG of " + ArtworkRules.MIN + " to " + ArtworkRules.MAX
                                    + " px.")
                    .at("artwork");
        } catch (Exception e) {
            return Check.fail(
                            "Artwork",
                            "The artwork file cannot be read: " + e.getMessage(),
                            "Upload the show artwork again.")
                    .at("artwork");
        }
    }

    private static Check enclosures(List<MediaProbe.Result> probes) {
        List<String> problems = new ArrayList<>();
        for (MediaProbe.Result r : probes) {
            if (r.problem() != null) {
                problems.add("\"" + r.item().title() + "\" " + r.problem());
            }
        }
        return problems.isEmpty()
                ? Check.pass("Media", probes.size() + " enclosures answer HEAD with the right length and type.")
                : Check.fail(
                        "Media",
                        problems.size() + " of " + probes.size() + " enclosures fail: " + problems.get(0)
                                + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : "") + ".",
                        "Make sure every episode's audio file is in the episodes folder and the public URL reaches Castkeeper.");
    }

    private static Check ranges(List<MediaProbe.Result> probes) {
        List<String> problems = probes.stream()
                .filter(r -> r.rangeProblem() != null)
                .map(r -> "\"" + r.item().title() + "\" " + r.rangeProblem())
                .toList();
        return problems.isEmpty()
                ? Check.pass("Byte ranges", "Every enclosure answers byte-range requests.")
                : Check.fail(
                        "Byte ranges",
                        problems.get(0) + ".",
                        "Serve the media through Castkeeper or a CDN that supports Range requests.");
    }

    /**
     * Enclosures answered by a redirect (a CDN in front, storage.mediaBaseUrl): said where to, since HEAD and the
     * range were checked through it; a permanent one (301, 308) fails, as apps would remember the CDN's address
     * for good and it could never change again.
     */
    static Check redirects(List<MediaProbe.Result> probes) {
        for (MediaProbe.Result r : probes) {
            if (r.redirect() != null && r.permanent()) {
                return Check.fail(
                        "Media redirects",
                        "\"" + r.item().title() + "\" redirects permanently (" + r.redirect() + ").",
                        "A CDN in front must be reached by a temporary redirect (302), which Castkeeper gives with"
                                + " storage.mediaBaseUrl set in feed-config.yml: never a 301.");
            }
        }
        return probes.stream()
                .filter(r -> r.redirect() != null)
                .findFirst()
                .map(r -> Check.pass(
                        "Media redirects",
                        "The audio is fetched through a redirect (" + r.redirect()
                                + "); its type, length and byte ranges were checked there."))
                .orElse(Check.pass("Media redirects", "The audio is served here, without redirects."));
    }

    private static Check guids(FeedFacts feed) {
        Set<String> seen = new HashSet<>();
        for (FeedFacts.Item item : feed.items()) {
            if (item.guid() == null || !seen.add(item.guid())) {
                return Check.fail(
                        "Unique guids",
                        "\"" + item.title() + "\" has a missing or repeated guid.",
                        "Every episode needs its own guid; import the episode again rather than copying it.");
            }
        }
        return Check.pass("Unique guids", "Every episode has its own guid.");
    }

    private static Check reachable(String base) {
        boolean local = ServerSettings.isLocalAddress(base);
        return local
                ? Check.fail(
                        "Public address",
                        base + " cannot be reached from the internet.",
                        "In feed-config.yml, set server.publicUrl (or the environment variable"
                                + " CASTKEEPER_SERVER_PUBLIC_URL) to the https address listeners and directories"
                                + " will use, then restart Castkeeper.")
                : Check.pass("Public address", base + ".");
    }
}
