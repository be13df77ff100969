package org.castkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.backup.Restore;
import org.castkeeper.config.AppConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "restore",
        mixinStandardHelpOptions = true,
        description = {
            "Puts a snapshot from DEST back: the catalogue, feed-config.yml, the show artwork and the "
                    + "media. Castkeeper must not be running.",
            "Every file is checked before anything is touched; the current data is moved aside, never deleted."
        })
final class RestoreCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "DEST", description = "The backup folder.")
    Path dest;

    @Option(
            names = "--snapshot",
            paramLabel = "TIME",
            description = "Which snapshot, e.g. 20261202T031500Z " + "(default: the newest).")
    String snapshot;

    @Option(
            names = "--also-from",
            paramLabel = "DIR",
            description = "Where to look for files the snapshot has lost to damage: another backup folder, or a"
                    + " media folder such as the live data/media. Only a whole copy (same size and SHA-256) is taken.")
    Path alsoFrom;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        // Into an empty folder, or one holding only feed-config.yml: the files it names come with the restore.
        AppConfig settings = config.loadBeforeRestore();
        try {
            Restore.Restored r =
                    Restore.run(settings, dest, snapshot, alsoFrom, Clock.systemUTC(), Castkeeper::openBucket);
            out.printf(
                    "restored snapshot %s: %s%d media files (%s), feed-config.yml and the show artwork%n",
                    r.snapshot(),
                    r.database() ? "the catalogue, " : "",
                    r.mediaFiles(),
                    BackupCommand.size(r.mediaBytes()));
            out.println("the data as it was before is in " + r.previousData());
            r.recovered().forEach(f -> out.println("recovered: " + f));
            if (!r.damaged().isEmpty()) {
                r.damaged().forEach(f -> out.println("NOT RESTORED: " + f));
                out.printf(
                        "%d file(s) of the snapshot were damaged and are not restored; everything else is. Run it"
                                + " again with --also-from another backup folder (or the old data/media) to bring"
                                + " them back, or restore them from an older snapshot (--snapshot).%n",
                        r.damaged().size());
            }
            if (!r.database()) {
                out.println("restore the PostgreSQL database from its pg_dump of the same time (see the README)");
            }
            try {
                config.load();
            } catch (org.castkeeper.config.ConfigException stillWrong) {
                out.println("the settings still have problems: " + stillWrong.getMessage());
            }
            out.flush();
            return r.damaged().isEmpty() ? 0 : Main.FAILED;
        } catch (Restore.Refused refused) {
            spec.commandLine().getErr().println(refused.getMessage());
            return Main.FAILED;
        }
    }
}
