package org.castkeeper.backup;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.RetiredFile;
import org.castkeeper.media.ContentHash;
import org.castkeeper.media.MediaFolder;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Checks that the catalogue and the media store agree, and says what to do about each thing that is wrong:
 * an episode whose file is missing or changed, a store file no episode references, partial files nobody is
 * writing, retired files past their time, a damaged database. {@link #repair} fixes only what is safe, and never
 * deletes a file an episode references.
 */
public final class Doctor {
    /** As in `serve`: older partial files cannot belong to an upload or import still running. */
    static final Duration STALE_PARTIAL = Duration.ofMinutes(15);

    private final EpisodeRepository episodes;
    private final MediaFolder store;
    private final Path retiredDir;
    private final Path quarantine;
    private final Duration retention;
    private final DSLContext db;

    public Doctor(
            EpisodeRepository episodes,
            MediaFolder store,
            Path retiredDir,
            Path quarantine,
            Duration retention,
            DSLContext db) {
        this.episodes = episodes;
        this.store = store;
        this.retiredDir = retiredDir;
        this.quarantine = quarantine;
        this.retention = retention;
        this.db = db;
    }

    /** One thing wrong: what, and what to do about it. {@code repairable}: --repair fixes it. */
    public record Finding(Kind kind, String what, String fix, boolean repairable) {}

    public enum Kind {
        MISSING,
        CHANGED,
        UNKNOWN_FILE,
        STALE_PARTIAL,
        RETIRED_EXPIRED,
        DATABASE
    }

    /**
     * @param hashes read every audio file to compare its SHA-256 with the catalogue's (slow on a big store);
     *               without it only sizes are compared
     */
    public List<Finding> examine(boolean hashes, Instant now) throws IOException {
        List<Finding> findings = new ArrayList<>();
        String integrity = integrity();
        if (!integrity.equals("ok")) {
            findings.add(new Finding(
                    Kind.DATABASE,
                    "the catalogue database is damaged: " + integrity,
                    "stop Castkeeper and restore the newest good snapshot (castkeeper restore)",
                    false));
        }
        List<Episode> all = episodes.all();
        Set<String> referenced = new HashSet<>();
        all.forEach(e -> referenced.addAll(e.files()));
        Map<String, String> unknownByHash = hashes ? new HashMap<>() : Map.of();
        List<Path> unknown = unknownFiles(referenced);
        if (hashes) {
            for (Path file : unknown) {
                unknownByHash.put(
                        ContentHash.sha256(file), store.root().relativize(file).toString());
            }
        }
        for (Episode e : all) {
            String label = "episode " + e.id() + " \"" + e.title() + "\"";
            Path audio = store.resolve(e.audio().path()).orElse(null);
            if (audio == null || !Files.isRegularFile(audio)) {
                String adoptable = unknownByHash.get(e.audio().sha256());
                findings.add(new Finding(
                        Kind.MISSING,
                        label + ": its audio " + e.audio().path() + " is missing",
                        adoptable != null
                                ? "--repair puts back " + adoptable + ", which has the same content"
                                : "restore it from a backup (castkeeper restore), or replace the audio in the admin",
                        adoptable != null));
            } else if (Files.size(audio) != e.audio().sizeBytes()
                    || hashes && !ContentHash.sha256(audio).equals(e.audio().sha256())) {
                findings.add(new Finding(
                        Kind.CHANGED,
                        label + ": its audio " + e.audio().path() + " has changed since it was catalogued",
                        "restore it from a backup, or replace the audio in the admin",
                        false));
            }
            for (String other : e.files()) {
                if (!other.equals(e.audio().path())
                        && store.resolve(other).filter(Files::isRegularFile).isEmpty()) {
                    findings.add(new Finding(
                            Kind.MISSING,
                            label + ": its file " + other + " is missing",
                            "restore it from a backup, or upload it again in the admin",
                            false));
                }
            }
        }
        for (Path file : unknown) {
            findings.add(new Finding(
                    Kind.UNKNOWN_FILE,
                    store.root().relativize(file) + " is in the media store " + "but no episode uses it",
                    "--repair moves it to " + quarantine,
                    true));
        }
        for (Path partial : partials()) {
            // Every one is reported at once; only one nobody can still be writing is removed by --repair.
            boolean stale = Files.getLastModifiedTime(partial)
                    .toInstant()
                    .plus(STALE_PARTIAL)
                    .isBefore(now);
            findings.add(new Finding(
                    Kind.STALE_PARTIAL,
                    store.root().relativize(partial) + " is a partial file ("
                            + Files.size(partial) + " bytes): "
                            + (stale
                                    ? "an interrupted upload or import left it"
                                    : "an upload or import is writing it, or was cut off moments ago"),
                    stale
                            ? "--repair removes it (serve also does, at start and hourly)"
                            : "nothing yet: serve removes it at its next start, or --repair once it is "
                                    + STALE_PARTIAL.toMinutes() + " minutes old",
                    stale));
        }
        for (RetiredFile r : episodes.retired()) {
            Path waiting = retiredDir.resolve(r.path()).normalize();
            if (waiting.startsWith(retiredDir)
                    && Files.exists(waiting)
                    && !r.retiredAt().plus(retention).isAfter(now)) {
                findings.add(new Finding(
                        Kind.RETIRED_EXPIRED,
                        r.path() + " was retired on " + r.retiredAt() + " and has been kept long enough",
                        "--repair deletes it (serve also does, hourly)",
                        true));
            }
        }
        return findings;
    }

    /** What --repair did, one line each. */
    public List<String> repair(Instant now) throws IOException {
        List<String> done = new ArrayList<>();
        Set<String> referenced = new HashSet<>();
        List<Episode> all = episodes.all();
        all.forEach(e -> referenced.addAll(e.files()));
        Map<String, Path> unknownByHash = new HashMap<>();
        for (Path file : unknownFiles(referenced)) {
            unknownByHash.put(ContentHash.sha256(file), file);
        }
        for (Episode e : all) {
            Path audio = store.resolve(e.audio().path()).orElse(null);
            Path same = unknownByHash.get(e.audio().sha256());
            if (audio != null && !Files.exists(audio) && same != null) {
                Files.createDirectories(audio.getParent());
                Files.move(same, audio, StandardCopyOption.ATOMIC_MOVE);
                unknownByHash.remove(e.audio().sha256());
                done.add("put back " + e.audio().path() + " for episode " + e.id() + " (it was " + same.getFileName()
                        + ")");
            }
        }
        for (Path file : unknownFiles(referenced)) {
            Path target = quarantine.resolve(store.root().relativize(file)).normalize();
            Files.createDirectories(target.getParent());
            Files.move(file, target, StandardCopyOption.REPLACE_EXISTING);
            done.add("moved " + store.root().relativize(file) + " to " + target);
        }
        int partials = store.removeStalePartials(STALE_PARTIAL, now);
        if (partials > 0) {
            done.add("removed " + partials + " stale partial files");
        }
        var sweep = new org.castkeeper.media.RetiredMedia(store, retention).sweep(episodes.retired(), referenced, now);
        if (sweep.deleted() + sweep.moved() > 0) {
            done.add("retired media: " + sweep.moved() + " moved out of the store, " + sweep.deleted() + " deleted");
        }
        return done;
    }

    /** Regular files in the store no episode references; hidden files and folders (uploads, markers) aside. */
    private List<Path> unknownFiles(Set<String> referenced) throws IOException {
        try (Stream<Path> walk = Files.walk(store.root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> !hidden(store.root().relativize(p)))
                    .filter(p -> !referenced.contains(
                            store.root().relativize(p).toString().replace('\\', '/')))
                    .sorted()
                    .toList();
        }
    }

    private List<Path> partials() throws IOException {
        try (Stream<Path> walk = Files.walk(store.root())) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.getFileName().toString().endsWith(".part"))
                    .toList();
        }
    }

    private static boolean hidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) {
                return true;
            }
        }
        return false;
    }

    private String integrity() {
        if (db.dialect() != SQLDialect.SQLITE) {
            return "ok";
        }
        List<String> lines = db.fetch("PRAGMA integrity_check").getValues(0, String.class);
        return String.join("; ", lines);
    }
}
