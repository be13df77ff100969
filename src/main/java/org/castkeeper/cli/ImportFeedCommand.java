package org.castkeeper.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.AppConfig;
import org.castkeeper.feedimport.FeedImport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import-feed",
        mixinStandardHelpOptions = true,
        description = {
            "Moves a show in from its old RSS feed: every item becomes an episode with its guid, date, notes,",
            "artwork, chapters and transcript, and its audio is downloaded byte for byte.",
            "Episodes keep their guids, so apps see nothing new. Run it again to import what is new since, or",
            "what failed: nothing is imported twice.",
            "Exits with 1 when any item was not imported (each is named, with the reason)."
        })
final class ImportFeedCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "URL", description = "The old feed's address.")
    String url;

    @Option(names = "--dry-run", description = "Read the feed and say what would be imported; change nothing.")
    boolean dryRun;

    @Option(
            names = "--update",
            description = "Apply what the old host changed since the last import (title, notes, date, numbers,"
                    + " type, explicit) to episodes nobody has edited here since.")
    boolean update;

    @Option(
            names = "--i-own-this-show",
            description = "Import even though the old feed says podcast:locked yes (it is your show).")
    boolean iOwnThisShow;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig settings = config.load();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (Castkeeper app = Castkeeper.open(settings, Clock.systemUTC())) {
            FeedImport.Summary summary;
            try {
                summary = app.feedImport(FeedImport.Settings.defaults())
                        .run(
                                url,
                                new FeedImport.Options(dryRun, update, iOwnThisShow, "import-feed (command line)"),
                                new Progress(out));
            } catch (FeedImport.Refused refused) {
                err.println("Nothing was imported: " + refused.getMessage());
                err.flush();
                return Main.FAILED;
            }
            print(summary, out);
            return summary.complete() ? 0 : Main.FAILED;
        }
    }

    static void print(FeedImport.Summary s, PrintWriter out) {
        if (s.dryRun()) {
            out.printf(
                    "Dry run: %d would be imported (about %d MB by the feed's own sizes), %d already here, %d would"
                            + " be skipped. Nothing was changed.%n",
                    s.imported(),
                    s.bytes() / (1024 * 1024),
                    s.alreadyHere(),
                    s.skipped().size());
        } else {
            out.printf(
                    "%d imported (%d MB downloaded), %d already here, %d skipped%n",
                    s.imported(),
                    s.bytes() / (1024 * 1024),
                    s.alreadyHere(),
                    s.skipped().size());
        }
        for (FeedImport.Skipped k : s.skipped()) {
            out.printf(
                    "  skipped: \"%s\" (guid %s)%s: %s%n",
                    k.title() == null ? "(no title)" : k.title(),
                    k.guid(),
                    k.url() == null ? "" : " " + k.url(),
                    k.reason());
        }
        s.changedElsewhere().forEach(c -> out.println("  changed: " + c));
        s.notes().forEach(n -> out.println("  note: " + n));
        if (s.stoppedBecause() != null) {
            out.println("Stopped: " + s.stoppedBecause());
        }
        if (!s.dryRun() && !s.skipped().isEmpty()) {
            out.println("Run the same command again to retry the skipped items; nothing is imported twice.");
        }
        out.flush();
    }

    /** One line per episode. */
    private record Progress(PrintWriter out) implements FeedImport.Listener {
        @Override
        public void read(String feedTitle, int items, int pages) {
            out.printf("Read \"%s\": %d items on %d page(s)%n", feedTitle, items, pages);
            out.flush();
        }

        @Override
        public void imported(String title, int done, int total) {
            out.printf("[%d/%d] imported: \"%s\"%n", done, total, title);
            out.flush();
        }
    }
}
