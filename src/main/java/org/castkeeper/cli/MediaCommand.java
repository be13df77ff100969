package org.castkeeper.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.AppConfig;
import org.castkeeper.media.MediaFolder;
import org.castkeeper.media.MediaStore;
import org.castkeeper.storage.MediaMigration;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "media",
        mixinStandardHelpOptions = true,
        description = "The media store: where episodes' audio, artwork and transcripts are kept.",
        subcommands = {MediaCommand.Migrate.class})
final class MediaCommand {

    @Command(
            name = "migrate",
            mixinStandardHelpOptions = true,
            description = {
                "Copies every stored file into the other store (--to s3: the bucket storage.s3 names; --to folder:",
                "data/media), reads each back and checks its SHA-256. Deletes nothing from the source; a re-run",
                "skips what is verified, so a run cut short is run again. Then set storage.media and restart.",
                "Safe while serve runs: new uploads go to the current store, and a second run copies them."
            })
    static final class Migrate implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Option(names = "--to", required = true, paramLabel = "s3|folder", description = "Where the files go.")
        String to;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            if (!to.equals("s3") && !to.equals("folder")) {
                err.println("--to must be s3 or folder.");
                return Main.USAGE;
            }
            AppConfig settings = config.load();
            String now = settings.storage().inBucket() ? "s3" : "folder";
            if (now.equals(to)) {
                err.println("The media are in the " + (to.equals("s3") ? "bucket" : "folder") + " already"
                        + " (storage.media: " + now + ").");
                return Main.USAGE;
            }
            try (Castkeeper app = Castkeeper.open(settings, Clock.systemUTC())) {
                Map<String, String> catalogue = new HashMap<>();
                for (Episode e : app.episodes().all()) {
                    catalogue.put(e.audio().path(), e.audio().sha256());
                }
                MediaStore target =
                        to.equals("s3") ? Castkeeper.openBucket(settings) : new MediaFolder(settings.mediaDir());
                try {
                    MediaMigration.Result result = MediaMigration.copy(
                            app.media(),
                            target,
                            catalogue,
                            settings.dataDir().resolve("migrating"),
                            (name, what) -> out.println(name + ": " + what));
                    out.println(result.copied() + " copied and verified, " + result.alreadyThere() + " already there, "
                            + result.problems().size() + " problems.");
                    result.problems().forEach(p -> err.println("problem: " + p));
                    if (result.problems().isEmpty()) {
                        out.println("Every file is in the " + (to.equals("s3") ? "bucket" : "folder") + ". Now set"
                                + " storage.media: " + to + " in feed-config.yml (or CASTKEEPER_STORAGE_MEDIA=" + to
                                + ") and restart Castkeeper. Nothing was deleted from the "
                                + (to.equals("s3") ? "folder" : "bucket") + ".");
                        return 0;
                    }
                    return Main.FAILED;
                } finally {
                    if (target instanceof AutoCloseable closeable) {
                        closeable.close();
                    }
                }
            }
        }
    }
}
