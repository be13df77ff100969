package org.castkeeper.cli;

import io.javalin.Javalin;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.AppConfig;
import org.castkeeper.importing.EpisodesFolderWatcher;
import org.castkeeper.web.WebServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
        name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Starts the web server (feed, media, admin, site) and imports MP3s dropped into the episodes "
                    + "folder as drafts.",
            "Stops cleanly on Ctrl-C or SIGTERM."
        })
final class ServeCommand implements Callable<Integer> {
    private static final Logger LOG = LoggerFactory.getLogger(ServeCommand.class);

    @Mixin
    ConfigOption config;

    @Option(
            names = {"-p", "--port"},
            paramLabel = "N",
            description = "Port to listen on (overrides server.port).")
    Integer port;

    /** One line at start: sizes only, no hashing, so a big store does not slow the start down. */
    private static void doctorSummary(Castkeeper app) {
        try {
            var findings = app.doctor().examine(false, app.clock().instant());
            if (findings.isEmpty()) {
                LOG.info("Doctor: every episode's files are in the media store");
            } else {
                LOG.warn(
                        "Doctor: {} things to look at (the first: {}); run `scripts/castkeeper doctor` for all, with "
                                + "what to do",
                        findings.size(),
                        findings.get(0).what());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Doctor: could not check the media store: {}", e.toString());
        }
    }

    /** backup: in feed-config.yml. A failure is logged loudly and tried again at the next turn. */
    private static void scheduledBackup(Castkeeper app) {
        try {
            var backups = new org.castkeeper.backup.Backups(app.config().backupDir());
            var taken = backups.take(app.config(), app.media(), app.clock(), (i, n, p) -> {});
            var pruned = backups.keep(app.config().backup().keep());
            LOG.info(
                    "Backup {} in {}: {} media files, {} new; {} old snapshots removed",
                    taken.snapshot(),
                    app.config().backupDir(),
                    taken.files(),
                    taken.newFiles(),
                    pruned.snapshots().size());
            taken.problems().forEach(p -> LOG.warn("Backup {}: {}", taken.snapshot(), p));
        } catch (java.io.IOException | RuntimeException e) {
            LOG.error("The scheduled backup to {} failed: {}", app.config().backupDir(), e.toString());
        }
    }

    /**
     * Uploads and imports cut off by the stop or crash before this start leave partial files: removed at once, not
     * an hour later, and said in the log (how many, how big).
     */
    private static void removePartialsFromBeforeTheStart(Castkeeper app) {
        java.time.Instant started = java.time.Instant.ofEpochMilli(
                java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime());
        if (!app.media().isLocal()) {
            return; // a bucket is shared: another instance may be sending a file to it now
        }
        try {
            var cleared = app.media().clearUnfinished(started);
            int removed = cleared.size();
            long bytes = cleared.stream().mapToLong(u -> Math.max(0, u.bytes())).sum();
            if (removed > 0) {
                LOG.info(
                        "Removed {} partial files ({} bytes) that uploads or imports cut off before this start left"
                                + " in the media store",
                        removed,
                        bytes);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not clean up partial files in the media store: {}", e.toString());
        }
    }

    /** Unfinished writes nobody is making, expired sessions and retired media, in the background once an hour. */
    private static void housekeeping(Castkeeper app) {
        try {
            var store = app.media();
            int removed = store.clearUnfinished(app.clock().instant().minus(store.abandonedAfter()))
                    .size();
            if (removed > 0) {
                LOG.info(
                        "Cleared {} unfinished writes (partial files, multipart uploads) an interrupted upload or"
                                + " import left in the media store",
                        removed);
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not clear unfinished writes in the media store: {}", e.toString());
        }
        try {
            int expired = app.accounts().removeExpiredSessions();
            if (expired > 0) {
                LOG.info("Removed {} expired sign-in sessions", expired);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not remove expired sessions: {}", e.toString());
        }
        try {
            var sweep = app.sweepRetiredMedia();
            if (sweep.moved() + sweep.deleted() > 0) {
                LOG.info(
                        "Retired media: {} files moved to {}, {} deleted after {} days",
                        sweep.moved(),
                        app.config().retiredDir(),
                        sweep.deleted(),
                        app.config().storage().retainDays());
            }
        } catch (java.io.IOException | RuntimeException e) {
            LOG.warn("Could not sweep retired media: {}", e.toString());
        }
    }

    @Override
    public Integer call() throws Exception {
        AppConfig settings = config.load();
        if (port != null) {
            settings = settings.withPort(port);
        }
        // Held for the life of the process: a restore refuses to run under a live server.
        org.castkeeper.backup.ServerLock running = org.castkeeper.backup.ServerLock.forServer(settings.dataDir());
        Castkeeper app = Castkeeper.open(settings, Clock.systemUTC());
        removePartialsFromBeforeTheStart(app);
        EpisodesFolderWatcher watcher = new EpisodesFolderWatcher(
                settings.episodesDir(), app.importer(), Duration.ofSeconds(3), app.clock(), () -> {});
        // Jetty's own stop gets a second; the draining before it is ServeCommand's (WebServer.drain).
        Javalin web = WebServer.create(app, Duration.ofSeconds(1));
        Duration drain = Duration.ofSeconds(settings.server().drainSeconds());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            LOG.info("Stopping: no new connections; letting downloads in flight finish");
                            watcher.close();
                            try {
                                WebServer.drain(web, drain);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            web.stop();
                            app.close();
                            try {
                                running.close();
                            } catch (java.io.IOException e) {
                                LOG.warn("Could not release the data folder's lock: {}", e.toString());
                            }
                            stopped.countDown();
                        },
                        "shutdown"));
        web.start(settings.server().port());
        // Build the feed before the first poll, so /health reports ready and scheduled go-lives are timed.
        app.feed().page(1);
        // Partial files a crash left in the store (once nobody can still be writing them; never by another
        // command), and files episodes no longer use.
        java.util.concurrent.ScheduledExecutorService housekeeping =
                java.util.concurrent.Executors.newSingleThreadScheduledExecutor(r -> {
                    Thread t = new Thread(r, "housekeeping");
                    t.setDaemon(true);
                    return t;
                });
        housekeeping.scheduleWithFixedDelay(() -> housekeeping(app), 0, 1, java.util.concurrent.TimeUnit.HOURS);
        if (settings.backup().enabled()) {
            long every = settings.backup().interval().toSeconds();
            housekeeping.scheduleWithFixedDelay(
                    () -> scheduledBackup(app), every, every, java.util.concurrent.TimeUnit.SECONDS);
            LOG.info(
                    "Backing up to {} every {}, keeping {} snapshots",
                    settings.backupDir(),
                    settings.backup().every(),
                    settings.backup().keep());
        }
        doctorSummary(app);
        if (!app.accounts().anyUser()) {
            // First start: a one-time link to make the host account, as an alternative to `castkeeper user add`.
            LOG.warn(
                    "No host account yet. Make one at {}/admin/setup?token={} (valid for 24 hours), "
                            + "or run: scripts/castkeeper user add NAME",
                    settings.server().baseUrl(),
                    app.accounts().newSetupToken());
        }
        watcher.start(Duration.ofSeconds(2));
        app.lifecycle().goLiveTimer().start();
        LOG.info(
                "Castkeeper is serving \"{}\" on port {} ({}); drop folder {}, media store {}",
                app.show().title(),
                web.port(),
                settings.server().baseUrl(),
                settings.episodesDir(),
                settings.mediaDir());
        stopped.await();
        return 0;
    }
}
