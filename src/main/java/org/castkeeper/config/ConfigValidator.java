package org.castkeeper.config;

import java.net.URI;
import java.nio.file.Files;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Checks a bound configuration and lists every problem at once, so the host fixes the file in one go.
 * Only what makes the feed or the server unusable is an error here; what a directory merely prefers (a short
 * description, https) is for the distribution checks.
 */
public final class ConfigValidator {
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");
    private static final Set<String> LANGUAGES = Set.of(Locale.getISOLanguages());
    /** podcast:medium values from the Podcasting 2.0 namespace. */
    private static final String UUID = "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}";

    private static final List<String> MEDIUMS = List.of(
            "podcast",
            "music",
            "video",
            "film",
            "audiobook",
            "newsletter",
            "blog",
            "podcastL",
            "musicL",
            "videoL",
            "filmL",
            "audiobookL",
            "newsletterL",
            "blogL");

    private final List<ConfigProblem> problems = new ArrayList<>();
    private final YamlLines lines;

    /** How a problem with a file the settings name, but which is not there, begins. */
    static final String NO_FILE = "no file at ";

    private ConfigValidator(YamlLines lines) {
        this.lines = lines;
    }

    static List<ConfigProblem> validate(AppConfig config, YamlLines lines) {
        ConfigValidator v = new ConfigValidator(lines);
        v.show(config);
        if (config.show() != null) {
            v.extras(config.show());
        }
        v.server(config.server());
        if (config.backup().interval() == null) {
            v.problem("backup.every", "'" + config.backup().every() + "' is not a time such as 24h, 6h or 30m");
        }
        if (config.backup().keep() < 1) {
            v.problem("backup.keep", "must be 1 or more (snapshots to keep)");
        }
        if (config.storage().retainDays() < 0) {
            v.problem("storage.retainDays", "must be 0 or more (days to keep replaced files)");
        }
        v.storage(config.storage());
        v.notifications(config.notifications());
        if (config.feed().itemLimit() != null && config.feed().itemLimit() < 1) {
            v.problem("feed.itemLimit", "must be 1 or more; leave it out to list every episode");
        }
        v.database(config.database());
        return v.problems;
    }

    /**
     * The rules for the show's settings alone, as the admin's settings form applies them: the same rules and
     * messages as feed-config.yml's show section, keyed "show.title", "show.owner.email" and so on.
     */
    public static List<ConfigProblem> validateShow(ShowSettings show, java.nio.file.Path artworkFile) {
        ConfigValidator v = new ConfigValidator(YamlLines.NONE);
        v.show(show, artworkFile);
        v.extras(show);
        return v.problems;
    }

    private void show(AppConfig config) {
        show(config.show(), config.show() == null || config.show().artwork() == null ? null : config.showArtwork());
    }

    private void show(ShowSettings show, java.nio.file.Path artworkFile) {
        if (show == null) {
            problem(
                    "show",
                    "missing: every show needs at least a title, description, author, language, "
                            + "categories, explicit, owner and artwork");
            return;
        }
        required("show.title", show.title());
        required("show.description", show.description());
        required("show.author", show.author());
        if (required("show.language", show.language())) {
            String primary = show.language().split("[-_]")[0].toLowerCase(Locale.ROOT);
            if (!LANGUAGES.contains(primary) || primary.length() != 2) {
                problem(
                        "show.language",
                        "'" + show.language() + "' is not an ISO 639 language code such as en or en-gb");
            }
        }
        categories(show.categories());
        if (show.explicit() == null) {
            problem("show.explicit", "missing: say true or false (Apple Podcasts requires it)");
        }
        if (!show.type().equals("episodic") && !show.type().equals("serial")) {
            problem("show.type", "'" + show.type() + "' must be episodic or serial");
        }
        if (show.owner() == null) {
            problem(
                    "show.owner",
                    "missing: give the owner's name and email (directories mail their verification code there)");
        } else {
            required("show.owner.name", show.owner().name());
            if (required("show.owner.email", show.owner().email())
                    && !EMAIL.matcher(show.owner().email()).matches()) {
                problem("show.owner.email", "'" + show.owner().email() + "' is not an email address");
            }
        }
        if (show.link() != null && !isHttpUrl(show.link())) {
            problem("show.link", "'" + show.link() + "' is not an http or https URL");
        }
        if (required("show.artwork", show.artwork()) && !Files.isRegularFile(artworkFile)) {
            problem("show.artwork", NO_FILE + artworkFile);
        }
        try {
            ZoneId.of(show.timeZone());
        } catch (DateTimeException e) {
            problem("show.timeZone", "'" + show.timeZone() + "' is not a time zone such as Europe/London or UTC");
        }
    }

    /** The optional Podcasting 2.0, iTunes and Spotify settings. */
    private void extras(ShowSettings show) {
        for (int i = 0; i < show.blockFrom().size(); i++) {
            String directory = show.blockFrom().get(i);
            if (!List.of("apple", "youtube").contains(directory)) {
                problem(
                        "show.blockFrom[" + i + "]",
                        "'" + directory + "' is not apple or youtube"
                                + ("spotify".equals(directory)
                                        ? " (Spotify reads no block tag: remove the show in Spotify for Creators)"
                                        : ""));
            }
        }
        if (show.newFeedUrl() != null && !isHttpUrl(show.newFeedUrl())) {
            problem("show.newFeedUrl", "'" + show.newFeedUrl() + "' is not an http or https URL");
        }
        if (show.podcastGuid() != null
                && !show.podcastGuid().matches("[0-9a-fA-F]{8}(-[0-9a-fA-F]{4}){3}-[0-9a-fA-F]{12}")) {
            problem("show.podcastGuid", "'" + show.podcastGuid() + "' is not a UUID");
        }
        for (int i = 0; i < show.funding().size(); i++) {
            FeedExtras.Funding f = show.funding().get(i);
            if (required("show.funding[" + i + "].url", f.url()) && !isHttpUrl(f.url())) {
                problem("show.funding[" + i + "].url", "'" + f.url() + "' is not an http or https URL");
            }
        }
        for (int i = 0; i < show.persons().size(); i++) {
            required("show.persons[" + i + "].name", show.persons().get(i).name());
        }
        if (show.location() != null) {
            required("show.location.name", show.location().name());
        }
        if (show.license() != null) {
            required("show.license.name", show.license().name());
        }
        for (int i = 0; i < show.txt().size(); i++) {
            String value = show.txt().get(i).value();
            if (required("show.txt[" + i + "].value", value) && value.length() > 4000) {
                problem("show.txt[" + i + "].value", "is longer than the 4,000 characters podcast:txt allows");
            }
        }
        for (int i = 0; i < show.podroll().size(); i++) {
            FeedExtras.RemoteItem r = show.podroll().get(i);
            String key = "show.podroll[" + i + "]";
            if (required(key + ".feedGuid", r.feedGuid()) && !r.feedGuid().matches(UUID)) {
                problem(
                        key + ".feedGuid",
                        "'" + r.feedGuid() + "' is not a podcast:guid (a UUID such as "
                                + "917393e3-1b1e-5cef-ace4-edaa54e1f810); Podcast Index shows each show's");
            }
            if (r.feedUrl() != null && !isHttpUrl(r.feedUrl())) {
                problem(key + ".feedUrl", "'" + r.feedUrl() + "' is not an http or https URL");
            }
        }
        if (show.value() != null) {
            FeedExtras.Value v = show.value();
            if (v.recipients().isEmpty()) {
                problem("show.value.recipients", "list at least one recipient (name, type, address, split)");
            }
            for (int i = 0; i < v.recipients().size(); i++) {
                FeedExtras.ValueRecipient r = v.recipients().get(i);
                String key = "show.value.recipients[" + i + "]";
                required(key + ".type", r.type());
                required(key + ".address", r.address());
                if (r.split() == null || r.split() < 1) {
                    problem(key + ".split", "must be a whole number of 1 or more (the recipient's share)");
                }
            }
        }
        if (show.socialInteract() != null) {
            String protocol = show.socialInteract().protocol();
            if (required("show.socialInteract.protocol", protocol)
                    && !FeedExtras.SocialInteract.PROTOCOLS.contains(protocol)) {
                problem(
                        "show.socialInteract.protocol",
                        "'" + protocol + "' is not one of the protocols podcast:socialInteract lists ("
                                + String.join(", ", FeedExtras.SocialInteract.PROTOCOLS) + ")");
            } else if (show.socialInteract().disabled()) {
                // "disabled" stands alone: the feed writes no address with it.
            } else if (required("show.socialInteract.uri", show.socialInteract().uri())
                    && !isHttpUrl(show.socialInteract().uri())) {
                problem("show.socialInteract.uri", "'" + show.socialInteract().uri() + "' is not an http or https URL");
            }
        }
        if (show.medium() != null && !MEDIUMS.contains(show.medium())) {
            problem("show.medium", "'" + show.medium() + "' is not one of " + String.join(", ", MEDIUMS));
        }
        if (show.spotify() != null) {
            if (show.spotify().limit() != null && show.spotify().limit() < 1) {
                problem("show.spotify.limit", "must be 1 or more");
            }
            String countries = show.spotify().countryOfOrigin();
            if (countries != null && !countries.matches("[a-zA-Z]{2}( [a-zA-Z]{2})*")) {
                problem(
                        "show.spotify.countryOfOrigin",
                        "'" + countries + "' should be two-letter country codes separated by spaces, e.g. \"gb us\"");
            }
        }
    }

    private void categories(List<ShowSettings.Category> categories) {
        if (categories.isEmpty()) {
            problem("show.categories", "missing: give at least one Apple Podcasts category");
        }
        for (int i = 0; i < categories.size(); i++) {
            String key = "show.categories[" + i + "]";
            ShowSettings.Category c = categories.get(i);
            if (c == null || c.category() == null || c.category().isBlank()) {
                problem(key + ".category", "missing");
            } else if (!ApplePodcastCategories.isCategory(c.category())) {
                problem(
                        key + ".category",
                        "'" + c.category() + "' is not an Apple Podcasts category; choose one of "
                                + String.join(", ", ApplePodcastCategories.categories()));
            } else if (c.subcategory() != null
                    && !ApplePodcastCategories.isSubcategory(c.category(), c.subcategory())) {
                List<String> allowed = ApplePodcastCategories.subcategories(c.category());
                problem(
                        key + ".subcategory",
                        "'" + c.subcategory() + "' is not a subcategory of " + c.category()
                                + (allowed.isEmpty()
                                        ? " (it has none)"
                                        : "; choose one of " + String.join(", ", allowed)));
            }
        }
    }

    private void server(ServerSettings server) {
        if (server.port() < 0 || server.port() > 65535) {
            problem("server.port", server.port() + " is not a port number (1 to 65535, or 0 for any free port)");
        }
        if (server.uploadLimitMb() < 1) {
            problem("server.uploadLimitMb", "must be 1 or more");
        }
        if (server.publicUrl() != null && !isHttpUrl(server.publicUrl())) {
            problem(
                    "server.publicUrl",
                    "'" + server.publicUrl() + "' is not an http or https URL such as "
                            + "https://podcast.example.org");
        }
        if (server.headerSeconds() < 1 || server.headerSeconds() > 600) {
            problem(
                    "server.headerSeconds",
                    "must be from 1 to 600 seconds (how long a new connection has to send its request's headers)");
        }
        if (server.drainSeconds() < 0 || server.drainSeconds() > 3600) {
            problem("server.drainSeconds", "must be from 0 to 3600 seconds (how long a stop lets downloads finish)");
        }
        if (!ServerSettings.CLIENT_ADDRESS_HEADERS.contains(server.clientAddressHeader())) {
            problem(
                    "server.clientAddressHeader",
                    "'" + server.clientAddressHeader()
                            + "' is not a header Castkeeper reads the client's address from: "
                            + String.join(", ", ServerSettings.CLIENT_ADDRESS_HEADERS));
        }
        for (int i = 0; i < server.trustedProxies().size(); i++) {
            String proxy = server.trustedProxies().get(i);
            if (!AddressRanges.isValid(proxy)) {
                problem(
                        "server.trustedProxies[" + i + "]",
                        "'" + proxy + "' is not an IP address or CIDR range " + "such as 127.0.0.1 or 10.0.0.0/8");
            }
        }
    }

    private void notifications(NotifySettings notify) {
        for (int i = 0; i < notify.websubHubs().size(); i++) {
            if (!isHttpUrl(notify.websubHubs().get(i))) {
                problem(
                        "notifications.websubHubs[" + i + "]",
                        "'" + notify.websubHubs().get(i) + "' is not an http or https URL");
            }
        }
        if (notify.podping() != null) {
            if (required("notifications.podping.endpoint", notify.podping().endpoint())
                    && !isHttpUrl(notify.podping().endpoint())) {
                problem(
                        "notifications.podping.endpoint",
                        "'" + notify.podping().endpoint() + "' is not an http or https URL");
            }
            required("notifications.podping.token", notify.podping().token());
        }
        if (notify.firstRetryMillis() < 1) {
            problem("notifications.firstRetryMillis", "must be 1 or more");
        }
    }

    private void database(DatabaseSettings database) {
        String url = database.url();
        if (url != null && !url.isBlank() && !url.startsWith("jdbc:sqlite:") && !url.startsWith("jdbc:postgresql:")) {
            problem("database.url", "'" + url + "' is neither jdbc:sqlite:FILE nor jdbc:postgresql://HOST/DATABASE");
        }
    }

    private boolean required(String key, String value) {
        if (value == null || value.isBlank()) {
            problem(key, "missing");
            return false;
        }
        return true;
    }

    private static boolean isHttpUrl(String value) {
        try {
            URI uri = new URI(value);
            return ("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))
                    && uri.getHost() != null
                    && uri.getQuery() == null
                    && uri.getFragment() == null;
        } catch (Exception e) {
            return false;
        }
    }

    /** Where the media live: a folder, or a bucket with its endpoint, bucket and keys. */
    private void storage(StorageSettings storage) {
        if (!storage.media().equals("folder") && !storage.media().equals("s3")) {
            problem("storage.media", "must be folder or s3, not '" + storage.media() + "'");
            return;
        }
        if (storage.mediaBaseUrl() != null && !storage.mediaBaseUrl().matches("(?i)https?://[^\\s/]+(/\\S*)?")) {
            problem(
                    "storage.mediaBaseUrl",
                    "must be the http(s) address the media are fetched from, e.g." + " https://cdn.example.com/media/");
        }
        if (!storage.inBucket()) {
            return;
        }
        StorageSettings.S3 s3 = storage.s3();
        if (s3 == null) {
            problem("storage.s3", "is needed with media: s3 (endpoint, bucket and keys)");
            return;
        }
        if (s3.endpoint() == null || !s3.endpoint().matches("(?i)https?://\\S+")) {
            problem("storage.s3.endpoint", "must be the service's address, e.g. https://s3.eu-central-1.amazonaws.com");
        }
        if (s3.bucket() == null || s3.bucket().isBlank()) {
            problem("storage.s3.bucket", "is needed: the bucket's name");
        }
        boolean keys = s3.accessKey() != null && s3.secretKey() != null;
        if (!keys && s3.credentialsFile() == null) {
            problem(
                    "storage.s3.accessKey",
                    "and secretKey are needed (or CASTKEEPER_STORAGE_S3_ACCESS_KEY and"
                            + " CASTKEEPER_STORAGE_S3_SECRET_KEY, or storage.s3.credentialsFile)");
        }
    }

    private void problem(String key, String message) {
        problems.add(new ConfigProblem(key, lines.lineOf(key), message));
    }
}
