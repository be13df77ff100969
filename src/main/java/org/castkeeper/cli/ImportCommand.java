package org.castkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.AppConfig;
import org.castkeeper.importing.FolderImport;
import org.castkeeper.importing.ImportResult;
import org.castkeeper.media.PlayTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "import",
        mixinStandardHelpOptions = true,
        description = {
            "Imports every new MP3 and M4A in the episodes folder (or DIR) into the catalogue.",
            "Files already catalogued (same audio, by SHA-256) are skipped, so running it twice adds nothing.",
            "Files from outside the episodes folder are copied into it.",
            "Exits with 1 when any file was rejected."
        })
final class ImportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(
            arity = "0..1",
            paramLabel = "DIR",
            description = "Folder to import from (default: the episodes folder).")
    Path dir;

    @Option(
            names = "--publish",
            description = "Publish at once, dated by the ID3 date or else the file's time. "
                    + "Without it, new episodes are drafts.")
    boolean publish;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        AppConfig settings = config.load();
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(settings, Clock.systemUTC())) {
            Path folder = dir != null ? dir : settings.episodesDir();
            ProgressPrinter printer = new ProgressPrinter(out, System.console() != null);
            FolderImport.Summary summary = new FolderImport(app.importer()).run(folder, publish, printer);
            out.printf(
                    "%d imported, %d drafts published, %d already in the catalogue, %d skipped, %d rejected%n",
                    summary.imported(),
                    summary.published(),
                    summary.alreadyCatalogued(),
                    summary.skipped(),
                    summary.rejected());
            return summary.rejected() > 0 ? Main.FAILED : 0;
        }
    }

    /** One line per file; on a terminal, a live percentage while a big file is read. */
    private static final class ProgressPrinter implements FolderImport.Listener {
        private static final long SHOW_PROGRESS_ABOVE = 16L * 1024 * 1024;

        private final PrintWriter out;
        private final boolean terminal;
        private String prefix = "";
        private int lastPercent = -1;

        ProgressPrinter(PrintWriter out, boolean terminal) {
            this.out = out;
            this.terminal = terminal;
        }

        @Override
        public void starting(int index, int total, Path file) {
            prefix = "[" + index + "/" + total + "] " + file.getFileName();
            lastPercent = -1;
        }

        @Override
        public void progress(long done, long total) {
            int percent = (int) (100 * done / Math.max(1, total));
            if (terminal && total > SHOW_PROGRESS_ABOVE && percent != lastPercent) {
                lastPercent = percent;
                out.print("\r" + prefix + " ... " + percent + "%");
                out.flush();
            }
        }

        @Override
        public void finished(int index, int total, ImportResult r) {
            if (lastPercent >= 0) {
                out.print("\r");
            }
            String line = switch (r.outcome()) {
                case IMPORTED ->
                    "imported: \"" + r.episode().title() + "\" ("
                            + PlayTime.of(r.episode().audio().durationSeconds()) + ", "
                            + r.episode().audio().bitrateKbps() + " kbps, "
                            + r.episode().state().code() + ")";
                case PUBLISHED -> "published: \"" + r.episode().title() + "\" was already in the catalogue as a draft";
                case ALREADY_CATALOGUED ->
                    "skipped: already in the catalogue as \"" + r.episode().title() + "\""
                            + (r.episode().state().code().equals("published")
                                    ? " (published)"
                                    : " (" + r.episode().state().code() + ")");
                case USED_BEFORE, NOT_PUBLISHED -> "skipped: " + r.reason();
                case REJECTED -> "rejected: " + r.reason();
            };
            out.println(prefix + " " + line);
            r.warnings().forEach(w -> out.println("    warning: " + w));
            out.flush();
        }
    }
}
