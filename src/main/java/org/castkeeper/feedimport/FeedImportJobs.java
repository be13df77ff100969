package org.castkeeper.feedimport;

import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Imports started from the admin, run one at a time on a thread of their own, so the page answers at once and
 * shows the progress. The last job's outcome stays until the next one starts (or the server restarts: a run
 * again continues where a stopped one ended, so nothing depends on it).
 */
public final class FeedImportJobs {
    private static final Logger LOG = LoggerFactory.getLogger(FeedImportJobs.class);

    private final Supplier<FeedImport> imports;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>();

    /**
     * Where an import is, or how it ended.
     *
     * @param phase   what it is doing, in the host's words
     * @param summary the outcome when it ran; null while running or when it was refused
     * @param refusal why nothing was imported (no feed there, a locked show, no room), or null
     */
    public record Status(
            String url,
            boolean dryRun,
            String by,
            Instant startedAt,
            boolean running,
            String phase,
            int done,
            int total,
            FeedImport.Summary summary,
            String refusal) {
        Status with(String phase, int done, int total) {
            return new Status(url, dryRun, by, startedAt, true, phase, done, total, null, null);
        }

        Status ended(FeedImport.Summary summary, String refusal) {
            return new Status(url, dryRun, by, startedAt, false, "Finished", done, total, summary, refusal);
        }
    }

    public FeedImportJobs(Supplier<FeedImport> imports, Clock clock) {
        this.imports = imports;
        this.clock = clock;
    }

    /** The running or last import; null when none has run since the server started. */
    public Status status() {
        return status.get();
    }

    /** Starts an import unless one is running; returns whether it started. */
    public synchronized boolean start(String url, FeedImport.Options options) {
        Status now = status.get();
        if (now != null && now.running()) {
            return false;
        }
        Status first = new Status(
                url, options.dryRun(), options.by(), clock.instant(), true, "Reading the old feed", 0, 0, null, null);
        status.set(first);
        Thread worker = new Thread(() -> run(url, options), "feed-import");
        worker.setDaemon(true);
        worker.start();
        return true;
    }

    private void run(String url, FeedImport.Options options) {
        FeedImport.Listener progress = new FeedImport.Listener() {
            @Override
            public void read(String feedTitle, int items, int pages) {
                status.updateAndGet(s -> s.with(
                        "Read \"" + feedTitle + "\": " + items + " items on " + pages + " page(s). Downloading",
                        0,
                        items));
            }

            @Override
            public void imported(String title, int done, int total) {
                status.updateAndGet(s -> s.with("Downloading and importing", done, total));
            }
        };
        try {
            FeedImport.Summary summary = imports.get().run(url, options, progress);
            status.updateAndGet(s -> s.ended(summary, null));
        } catch (FeedImport.Refused refused) {
            status.updateAndGet(s -> s.ended(null, refused.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            status.updateAndGet(s -> s.ended(null, "The import was interrupted (the server is stopping)."));
        } catch (Exception e) {
            LOG.error("The import of {} failed", url, e);
            status.updateAndGet(s -> s.ended(
                    null, "Something went wrong: " + e + ". Run it again; it continues" + " where it stopped."));
        } finally {
            // Whatever ended it, the page must not say "running" for ever.
            status.updateAndGet(s -> s.running() ? s.ended(null, "The import stopped unexpectedly.") : s);
        }
    }
}
