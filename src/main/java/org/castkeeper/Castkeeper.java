package org.castkeeper;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import org.castkeeper.auth.Accounts;
import org.castkeeper.auth.DeviceCookies;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.backup.Backups;
import org.castkeeper.backup.Doctor;
import org.castkeeper.catalogue.CatalogueChanges;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.PublicationCache;
import org.castkeeper.catalogue.ShowRepository;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.db.Database;
import org.castkeeper.distribution.Listings;
import org.castkeeper.distribution.NotificationClaims;
import org.castkeeper.distribution.PublishNotifier;
import org.castkeeper.distribution.ReadinessChecks;
import org.castkeeper.episodes.EpisodeEvents;
import org.castkeeper.episodes.EpisodeLifecycle;
import org.castkeeper.feed.FeedBuilder;
import org.castkeeper.feed.FeedCache;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.feed.podcast.PodcastGuid;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.importing.MediaStoreMigration;
import org.castkeeper.media.AudioProbe;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.RetiredMedia;
import org.castkeeper.media.ShowArtwork;
import org.castkeeper.media.ShowArtworks;

/**
 * The parts of a running Castkeeper, built once from the configuration: the one place that knows how they fit
 * together. Commands and the web server take what they need from here.
 */
public final class Castkeeper implements AutoCloseable {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(Castkeeper.class);
    private final AppConfig config;
    private final Clock clock;
    private final Database database;
    private final EpisodeRepository episodes;
    private final org.castkeeper.media.MediaStore media;
    /** The media folder, when the media live in one (storage.media: folder); null with a bucket. */
    private final MediaFolder folder;

    private final EpisodeImporter importer;
    private final PublicationCache publications;
    private final ShowSettingsRepository showSettings;
    private final List<String> fileChangesNotApplied;
    private final ShowArtworks showArtworks = new ShowArtworks();
    /** Shares the show artwork through the bucket, when the media are in one. */
    private final org.castkeeper.media.ShowArtworkMirror showArtworkMirror;

    private final RetiredMedia retiredMedia;
    private final FeedUrls urls;
    private final FeedCache feed;
    private final Accounts accounts;
    private final LoginThrottle loginThrottle;
    private final DeviceCookies deviceCookies;
    private final Listings listings;
    private final PublishNotifier notifier;
    private final EpisodeLifecycle lifecycle;

    /** How often a cache re-reads the catalogue's change stamp, to notice writes by other instances. */
    static final Duration STAMP_CHECK = Duration.ofSeconds(2);

    private Castkeeper(AppConfig config, Clock clock, Database database, org.castkeeper.media.MediaStore media)
            throws IOException {
        this.config = config;
        this.clock = clock;
        this.database = database;
        this.media = media;
        this.folder = media instanceof MediaFolder f ? f : null;
        this.showArtworkMirror = new org.castkeeper.media.ShowArtworkMirror(media, config.showArtworkDir());
        CatalogueChanges changes = new CatalogueChanges(clock);
        int showId = new ShowRepository(database.dsl(), clock).ensure(ShowRepository.DEFAULT_SHOW);
        this.episodes = new EpisodeRepository(database.dsl(), showId, clock, changes);
        this.showSettings = new ShowSettingsRepository(database.dsl(), showId, clock, changes);
        String madeGuid = PodcastGuid.forFeedUrl(config.server().baseUrl() + FeedUrls.FEED_PATH)
                .toString();
        this.fileChangesNotApplied = showSettings.seed(config.fileShow(), madeGuid);
        // The show's podcast:guid follows the address until the show is served at a public one, then never changes.
        showSettings.settleGuid(madeGuid, !config.server().isLocalAddress(), PodcastGuid::madeFromLocalAddress);
        if (!fileChangesNotApplied.isEmpty()) {
            LOG.warn(
                    "feed-config.yml's show section has changed since the show was first stored ({}). The show's "
                            + "settings are edited at /admin/settings now, so these changes are not applied; make them "
                            + "there.",
                    String.join(
                            ", ",
                            fileChangesNotApplied.stream().map(k -> "show." + k).toList()));
        }
        this.lifecycle = new EpisodeLifecycle(episodes, media, clock, this::sweepRetiredMediaQuietly);
        this.importer = new EpisodeImporter(episodes, lifecycle, media, new AudioProbe(), this::timeZone);
        if (folder != null) {
            // Only a folder can date from before the store (when files were served from the drop folder); the
            // migration hard-links them in, which only a folder on the same disk can take.
            MediaStoreMigration.run(config.episodesDir(), folder, episodes);
        }
        this.publications = new PublicationCache(
                episodes,
                () -> config.showOverrides().apply(showSettings.load().settings()),
                changes,
                clock,
                STAMP_CHECK,
                Files.getLastModifiedTime(config.source()).toInstant());
        this.retiredMedia =
                new RetiredMedia(media, Duration.ofDays(config.storage().retainDays()));
        this.urls = new FeedUrls(config.server().baseUrl(), () -> {
            ShowArtwork artwork = showArtwork();
            return artwork == null ? "missing" : artwork.publicName();
        });
        this.feed = new FeedCache(
                publications,
                new FeedBuilder(urls, config.notifications().websubHubs()),
                config.feed().itemLimit());
        this.accounts = new Accounts(database.dsl(), clock);
        this.loginThrottle = new LoginThrottle(database.dsl(), clock);
        this.deviceCookies = new DeviceCookies(database.dsl(), clock);
        this.listings = new Listings(database.dsl(), showId, clock);
        this.notifier = new PublishNotifier(
                config.notifications(), urls.feed(), new NotificationClaims(database.dsl(), showId, clock));
        lifecycle.events().subscribe(event -> {
            if (event instanceof EpisodeEvents.WentLive live) {
                notifier.wentLive(live.episode());
            }
        });
    }

    /** Saving, publishing, scheduling, unpublishing and deleting episodes: the one place that decides them. */
    public EpisodeLifecycle lifecycle() {
        return lifecycle;
    }

    private void sweepRetiredMediaQuietly() {
        try {
            sweepRetiredMedia();
        } catch (IOException | RuntimeException e) {
            LOG.warn(
                    "Could not move replaced files out of the media store yet; the server will retry: {}",
                    e.toString());
        }
    }

    /** Opens the catalogue and the media store, bringing either up to date if needed. */
    public static Castkeeper open(AppConfig config, Clock clock) throws IOException {
        org.castkeeper.media.MediaStore media = openMedia(config);
        snapshotBeforeUpgrade(config, media);
        Database database = Database.open(
                config.databaseUrl(),
                config.database().user(),
                config.database().password());
        try {
            return new Castkeeper(config, clock, database, media);
        } catch (RuntimeException | IOException e) {
            database.close();
            throw e;
        }
    }

    /**
     * The media store the settings name: data/media, or the bucket, checked now (a wrong endpoint, a missing bucket
     * or refused keys stop every command here, in one line that names the setting).
     */
    public static org.castkeeper.media.MediaStore openMedia(AppConfig config) throws IOException {
        if (!config.storage().inBucket()) {
            return new MediaFolder(config.mediaDir());
        }
        return openBucket(config);
    }

    /**
     * The bucket storage.s3 names, opened and checked, whichever store the media are in now (media migrate
     * copies into it before the setting changes).
     */
    public static org.castkeeper.storage.BucketStore openBucket(AppConfig config) throws IOException {
        var s3 = config.storage().s3();
        if (s3 == null || s3.endpoint() == null || s3.bucket() == null) {
            throw new IOException("storage.s3 needs at least an endpoint, a bucket and keys in feed-config.yml.");
        }
        var keys = s3.credentialsFile() != null
                ? org.castkeeper.storage.BucketCredentials.fromFile(
                        config.baseDir().resolve(s3.credentialsFile()).normalize())
                : org.castkeeper.storage.BucketCredentials.of(s3.accessKey(), s3.secretKey());
        try {
            return org.castkeeper.storage.BucketStore.open(
                    new org.castkeeper.storage.BucketStore.Settings(
                            s3.endpoint(), s3.region(), s3.bucket(), s3.prefix(), s3.pathStyle(), keys),
                    config.uploadSpoolDir());
        } catch (org.castkeeper.storage.BucketStore.Unusable e) {
            throw new IOException("Castkeeper cannot start: " + e.getMessage(), e);
        }
    }

    /**
     * A new version's first start migrates the catalogue: a snapshot is taken first (into data/backups), so an
     * upgrade can always be undone with `castkeeper restore data/backups`. With a bucket it holds the catalogue and
     * the config, not the media: an upgrade never changes a stored file, and copying a bucket to this disk could
     * fill it.
     */
    private static void snapshotBeforeUpgrade(AppConfig config, org.castkeeper.media.MediaStore media)
            throws IOException {
        int pending = Database.pendingUpgrades(
                config.databaseUrl(),
                config.database().user(),
                config.database().password());
        if (pending == 0) {
            return;
        }
        Backups.Taken taken = new Backups(config.upgradeBackupDir())
                .take(config, media.isLocal() ? media : null, Clock.systemUTC(), (i, n, p) -> {});
        LOG.info(
                "Before upgrading the catalogue ({} migrations), saved snapshot {} in {}",
                pending,
                taken.snapshot(),
                config.upgradeBackupDir());
    }

    public AppConfig config() {
        return config;
    }

    public Clock clock() {
        return clock;
    }

    public Database database() {
        return database;
    }

    public EpisodeRepository episodes() {
        return episodes;
    }

    /** Where episodes' files are stored: the media folder or the bucket. */
    public org.castkeeper.media.MediaStore media() {
        return media;
    }

    /**
     * The media folder, for tests that look at its files; empty with a bucket. Everything else goes through
     * {@link #media()}.
     */
    public java.util.Optional<MediaFolder> folder() {
        return java.util.Optional.ofNullable(folder);
    }

    public EpisodeImporter importer() {
        return importer;
    }

    /** The show's podcast:guid as the feed gives it now: the one set or fixed, else made from the feed's address. */
    public String podcastGuid() {
        return show().podcastGuid() != null
                ? show().podcastGuid()
                : org.castkeeper.feed.podcast.PodcastGuid.forFeedUrl(urls().feed())
                        .toString();
    }

    /** Everything the show needs to move out, into one folder (castkeeper export). */
    public org.castkeeper.feedimport.ShowExport export() {
        return new org.castkeeper.feedimport.ShowExport(
                episodes, media, this::show, this::showArtwork, this::podcastGuid, clock);
    }

    /** Checks a show's move from its old host (castkeeper check --old-feed). */
    public org.castkeeper.feedimport.CutOverCheck cutOverCheck() {
        return new org.castkeeper.feedimport.CutOverCheck(
                episodes,
                () -> urls().feed(),
                this::podcastGuid,
                () -> episodes.live(clock.instant()).stream()
                        .map(org.castkeeper.catalogue.Episode::guid)
                        .collect(java.util.stream.Collectors.toSet()),
                java.time.Duration.ofSeconds(20));
    }

    private org.castkeeper.analytics.RequestLog requestLog;

    /**
     * Where the media endpoint tells of each download, for analytics; written every 5 s and when closed. Nothing
     * is recorded with analytics.enabled false.
     */
    public synchronized org.castkeeper.media.MediaRequests mediaRequests() {
        if (!config.analytics().enabled()) {
            return org.castkeeper.media.MediaRequests.NONE;
        }
        if (requestLog == null) {
            requestLog = new org.castkeeper.analytics.RequestLog(
                    database.dsl(),
                    clock,
                    100_000,
                    java.time.Duration.ofSeconds(5),
                    config.analytics().keepRawDays(),
                    config.geoipFile());
        }
        return requestLog;
    }

    /** Where the feed endpoint tells of each poll, for the subscriber counts aggregators report. */
    public synchronized org.castkeeper.feed.FeedPolls feedPolls() {
        if (!config.analytics().enabled()) {
            return org.castkeeper.feed.FeedPolls.NONE;
        }
        mediaRequests();
        return requestLog.feedPolls();
    }

    /** The downloads as the dashboard and `castkeeper stats` show them. */
    public org.castkeeper.analytics.Stats stats() {
        return new org.castkeeper.analytics.Stats(database.dsl(), clock);
    }

    private org.castkeeper.feedimport.FeedImportJobs feedImports;

    /** Imports started from the admin, one at a time, in the background. */
    public synchronized org.castkeeper.feedimport.FeedImportJobs feedImports() {
        if (feedImports == null) {
            feedImports = new org.castkeeper.feedimport.FeedImportJobs(
                    () -> feedImport(org.castkeeper.feedimport.FeedImport.Settings.defaults()), clock);
        }
        return feedImports;
    }

    /** Moving a show in from its old feed; downloads wait in data/import-downloads until they are stored. */
    public org.castkeeper.feedimport.FeedImport feedImport(org.castkeeper.feedimport.FeedImport.Settings settings) {
        return new org.castkeeper.feedimport.FeedImport(
                episodes,
                lifecycle,
                importer,
                media,
                showSettings(),
                config.showArtworkDir(),
                config::settingFor,
                config.dataDir().resolve("import-downloads"),
                settings);
    }

    public PublicationCache publications() {
        return publications;
    }

    /** The catalogue doctor (see `castkeeper doctor`). */
    public Doctor doctor() {
        return new Doctor(
                episodes, media, config.dataDir().resolve("quarantine"), retiredMedia.retention(), database.dsl());
    }

    public RetiredMedia retiredMedia() {
        return retiredMedia;
    }

    /**
     * Moves the files episodes stopped using out of the store, and deletes those past storage.retainDays.
     * Safe at any time and from any instance; the server runs it after each replacement and every hour.
     */
    public RetiredMedia.Sweep sweepRetiredMedia() throws IOException {
        return retiredMedia.sweep(episodes.tombstones().retired(), episodes.referencedPaths(), clock.instant());
    }

    /**
     * The show's settings as the public sees them now: the catalogue's, with any CASTKEEPER_SHOW_* environment
     * value in their place. Never waits on the database once the first snapshot is built.
     */
    public ShowSettings show() {
        return publications.latestOrLoad().show();
    }

    /**
     * The show's time zone. Read from the catalogue until the server has built what is published: a command-line
     * import asks for it per file and must not build a feed that nobody will read.
     */
    public ZoneId timeZone() {
        if (publications.started()) {
            return show().zone();
        }
        return config.showOverrides().apply(showSettings.load().settings()).zone();
    }

    /** The show's settings as stored (without the environment), with their version, and their change log. */
    public ShowSettingsRepository showSettings() {
        return showSettings;
    }

    /** Settings feed-config.yml changed after it seeded the show: not applied, and the settings page says so. */
    public List<String> fileChangesNotApplied() {
        return fileChangesNotApplied;
    }

    /** The show artwork the settings name now, or null when its file cannot be read and never could. */
    public ShowArtwork showArtwork() {
        return showArtworks.of(showArtworkMirror.ensure(config.artworkFile(show())));
    }

    public FeedUrls urls() {
        return urls;
    }

    public FeedCache feed() {
        return feed;
    }

    public Accounts accounts() {
        return accounts;
    }

    /** The readiness checks per directory, on the feed, settings and artwork as they are now. */
    public ReadinessChecks readiness() {
        return new ReadinessChecks(
                () -> feed.page(1).orElseThrow().xml(),
                this::show,
                config::artworkFile,
                config.server().baseUrl(),
                listings);
    }

    public Listings listings() {
        return listings;
    }

    public LoginThrottle loginThrottle() {
        return loginThrottle;
    }

    public DeviceCookies deviceCookies() {
        return deviceCookies;
    }

    @Override
    public void close() {
        lifecycle.goLiveTimer().close();
        publications.close();
        notifier.close();
        synchronized (this) {
            if (requestLog != null) {
                requestLog.close(); // the downloads still queued, before the database goes
            }
        }
        database.close();
        if (media instanceof org.castkeeper.storage.BucketStore bucket) {
            bucket.close();
        }
    }
}
