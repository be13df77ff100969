package org.castkeeper.admin;

import java.time.Clock;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Supplier;
import org.castkeeper.analytics.Stats;
import org.castkeeper.auth.Accounts;
import org.castkeeper.auth.DeviceCookies;
import org.castkeeper.auth.LoginThrottle;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.distribution.Listings;
import org.castkeeper.distribution.ReadinessChecks;
import org.castkeeper.episodes.EpisodeLifecycle;
import org.castkeeper.feed.FeedCache;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.feedimport.FeedImportJobs;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.media.MediaStore;
import org.castkeeper.media.ShowArtwork;

/**
 * Everything the admin pages use, handed in by the server that hosts them ({@code web}): the admin knows these
 * parts, never the whole application.
 *
 * @param show                  the show's settings as the public sees them now
 * @param fileChangesNotApplied settings feed-config.yml changed after it seeded the show
 */
public record AdminParts(
        AppConfig config,
        Clock clock,
        Accounts accounts,
        LoginThrottle loginThrottle,
        DeviceCookies deviceCookies,
        EpisodeRepository episodes,
        EpisodeImporter importer,
        EpisodeLifecycle lifecycle,
        MediaStore media,
        ShowSettingsRepository showSettings,
        Supplier<ShowSettings> show,
        Supplier<ShowArtwork> showArtwork,
        Supplier<ReadinessChecks> readiness,
        Listings listings,
        FeedUrls urls,
        FeedCache feed,
        List<String> fileChangesNotApplied,
        FeedImportJobs feedImports,
        Stats stats) {

    /** The show's time zone as the settings say now. */
    ZoneId timeZone() {
        return show.get().zone();
    }
}
