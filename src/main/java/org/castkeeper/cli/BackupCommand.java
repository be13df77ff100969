package org.castkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.backup.Backups;
import org.castkeeper.config.AppConfig;
import org.castkeeper.media.MediaStore;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "backup",
        mixinStandardHelpOptions = true,
        description = {
            "Takes a snapshot of the catalogue, feed-config.yml, the show artwork and every media file "
                    + "into DEST. Safe while `serve` runs.",
            "A second backup into the same folder copies only new media files."
        })
final class BackupCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "DEST", description = "The backup folder, best on another disk or machine.")
    Path dest;

    @Option(names = "--keep", paramLabel = "N", description = "Then keep only the newest N snapshots.")
    Integer keep;

    @Option(names = "--verify", description = "Check every snapshot in DEST instead of taking one.")
    boolean verify;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Backups backups = new Backups(dest);
        if (verify) {
            var each = backups.verifyEach();
            if (each.isEmpty()) {
                out.println(dest + ": no snapshot here");
                return Main.FAILED;
            }
            int damaged = 0;
            for (var snapshot : each.entrySet()) {
                if (snapshot.getValue().isEmpty()) {
                    out.println("whole    " + snapshot.getKey());
                } else {
                    damaged++;
                    out.println("DAMAGED  " + snapshot.getKey() + " ("
                            + snapshot.getValue().size() + " problems)");
                    snapshot.getValue().forEach(p -> out.println("         " + p));
                }
            }
            if (damaged == 0) {
                out.printf("%d snapshots in %s: every file is there and unchanged%n", each.size(), dest);
                return 0;
            }
            out.printf(
                    "%d of %d snapshots in %s are damaged; the others are whole. A damaged file costs only itself:"
                            + " restore still brings back everything else (see restore --also-from).%n",
                    damaged, each.size(), dest);
            return Main.FAILED;
        }
        AppConfig settings = config.load();
        Files.createDirectories(dest);
        if (Files.getFileStore(dest).equals(Files.getFileStore(Files.createDirectories(settings.dataDir())))) {
            out.println("warning: " + dest + " is on the same disk as the data. This protects against mistakes, "
                    + "not against losing the disk.");
        }
        boolean terminal = System.console() != null;
        Backups.Taken taken;
        try (MediaStore media = Castkeeper.openMedia(settings)) {
            taken = backups.take(settings, media, Clock.systemUTC(), (i, total, path) -> {
                if (terminal) {
                    out.print("\r" + i + "/" + total + " " + path + "\u001b[K");
                    out.flush();
                }
            });
        }
        if (terminal) {
            out.print("\r\u001b[K");
        }
        taken.problems().forEach(p -> out.println("problem: " + p));
        out.printf(
                "snapshot %s: %d media files (%s), %d new (%s)%s%n",
                taken.snapshot(),
                taken.files(),
                size(taken.bytes()),
                taken.newFiles(),
                size(taken.newBytes()),
                taken.withDatabase() ? ", database and config" : ", config (back up PostgreSQL with pg_dump)");
        if (keep != null) {
            Backups.Pruned pruned = backups.keep(keep);
            out.printf(
                    "kept the newest %d snapshots: removed %d, and %d media files (%s) none of them uses%n",
                    keep, pruned.snapshots().size(), pruned.poolFiles(), size(pruned.poolBytes()));
        }
        return taken.problems().isEmpty() ? 0 : Main.FAILED;
    }

    static String size(long bytes) {
        if (bytes < 1024 * 1024) {
            return (bytes + 1023) / 1024 + " KB";
        }
        return String.format("%.1f MB", bytes / 1048576.0);
    }
}
