package org.castkeeper.backup;

import java.io.IOException;
import java.io.InputStream;
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
import java.util.Optional;
import java.util.Set;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.RetiredFile;
import org.castkeeper.media.MediaStore;
import org.castkeeper.media.RetiredMedia;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;

/**
 * Checks that the catalogue and the media store (the folder or the bucket) agree, and says what to do about each
 * thing that is wrong: an episode whose file is missing or changed, a stored file no episode references,
 * unfinished writes nobody is making, retired files past their time, a damaged database. {@link #repair} fixes
 * only what is safe, and never deletes a file an episode references. Everything goes through {@link MediaStore},
 * so a bucket is examined as a folder is.
 */
public final class Doctor {
    private final EpisodeRepository episodes;
    private final MediaStore store;
    private final Path quarantine;
    private final Duration retention;
    private final DSLContext db;

    /**
     * @param quarantine a local folder (data/quarantine) where --repair moves the stored files no episode uses
     */
    public Doctor(EpisodeRepository episodes, MediaStore store, Path quarantine, Duration retention, DSLContext db) {
        this.episodes = episodes;
        this.store = store;
        this.quarantine = quarantine.toAbsolutePath().normalize();
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
        List<String> unknown = unknownFiles(referenced);
        Map<String, String> unknownByHash = hashes ? byHash(unknown) : Map.of();
        for (Episode e : all) {
            String label = "episode " + e.id() + " \"" + e.title() + "\"";
            Optional<MediaStore.Stat> audio = store.stat(e.audio().path());
            if (audio.isEmpty()) {
                String adoptable = unknownByHash.get(e.audio().sha256());
                findings.add(new Finding(
                        Kind.MISSING,
                        label + ": its audio " + e.audio().path() + " is missing",
                        adoptable != null
                                ? "--repair puts back " + adoptable + ", which has the same content"
                                : "restore it from a backup (castkeeper restore), or replace the audio in the admin",
                        adoptable != null));
            } else if (audio.get().size() != e.audio().sizeBytes()
                    || hashes
                            && !store.sha256(e.audio().path()).equals(e.audio().sha256())) {
                findings.add(new Finding(
                        Kind.CHANGED,
                        label + ": its audio " + e.audio().path() + " has changed since it was catalogued",
                        "restore it from a backup, or replace the audio in the admin",
                        false));
            }
            for (String other : e.files()) {
                if (!other.equals(e.audio().path()) && store.stat(other).isEmpty()) {
                    findings.add(new Finding(
                            Kind.MISSING,
                            label + ": its file " + other + " is missing",
                            "restore it from a backup, or upload it again in the admin",
                            false));
                }
            }
        }
        for (String name : unknown) {
            findings.add(new Finding(
                    Kind.UNKNOWN_FILE,
                    name + " is in the media store but no episode uses it",
                    "--repair moves it to " + quarantine,
                    true));
        }
        for (MediaStore.Unfinished u : store.unfinished()) {
            // Every one is reported at once; only one nobody can still be writing is cleared by --repair.
            boolean stale = abandoned(u, now);
            String size = u.bytes() >= 0 ? u.bytes() + " bytes" : "begun " + u.lastTouched();
            findings.add(new Finding(
                    Kind.STALE_PARTIAL,
                    u.name() + " is an unfinished write (" + size + "): "
                            + (stale
                                    ? "an interrupted upload or import left it"
                                    : "an upload or import is writing it, or was cut off moments ago"),
                    stale
                            ? "--repair clears it (serve also does, hourly)"
                            : "nothing yet: --repair clears it once it has stood "
                                    + store.abandonedAfter().toMinutes() + " minutes",
                    stale));
        }
        for (RetiredFile r : episodes.tombstones().retired()) {
            if (!r.retiredAt().plus(retention).isAfter(now) && store.keepsRetired(r.path())) {
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
        List<String> unknown = new java.util.ArrayList<>(unknownFiles(referenced));
        Map<String, String> unknownByHash = byHash(unknown);
        for (Episode e : all) {
            String same = unknownByHash.get(e.audio().sha256());
            if (same != null && store.stat(e.audio().path()).isEmpty()) {
                // A copy, then the old name removed: a store need not rename (a bucket cannot).
                String stored;
                try (InputStream in = store.read(same, 0, e.audio().sizeBytes())) {
                    stored = store.write(e.audio().path(), in);
                }
                if (!stored.equals(e.audio().path())) {
                    store.delete(stored); // the name was taken meanwhile: leave it to the next run
                    continue;
                }
                store.delete(same);
                unknown.remove(same);
                unknownByHash.remove(e.audio().sha256());
                done.add("put back " + e.audio().path() + " for episode " + e.id() + " (it was " + same + ")");
            }
        }
        for (String name : unknown) {
            Path target = quarantine.resolve(name).normalize();
            if (!target.startsWith(quarantine)) {
                continue;
            }
            Files.createDirectories(target.getParent());
            Path partial = Files.createTempFile(target.getParent(), ".quarantine-", ".part");
            try {
                try (InputStream in = store.read(name, 0, Long.MAX_VALUE)) {
                    Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
                }
                Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(partial);
            }
            store.delete(name);
            done.add("moved " + name + " to " + target);
        }
        int cleared = store.clearUnfinished(now.minus(store.abandonedAfter())).size();
        if (cleared > 0) {
            done.add("cleared " + cleared + " unfinished writes nobody was making");
        }
        var sweep =
                new RetiredMedia(store, retention).sweep(episodes.tombstones().retired(), referenced, now);
        if (sweep.deleted() + sweep.moved() > 0) {
            done.add("retired media: " + sweep.moved() + " moved out of the store, " + sweep.deleted() + " deleted");
        }
        return done;
    }

    private boolean abandoned(MediaStore.Unfinished u, Instant now) {
        return u.lastTouched().plus(store.abandonedAfter()).isBefore(now);
    }

    /** Stored names no episode references, sorted. */
    private List<String> unknownFiles(Set<String> referenced) throws IOException {
        return store.list().stream()
                .filter(name -> !referenced.contains(name))
                .sorted()
                .toList();
    }

    private Map<String, String> byHash(List<String> names) throws IOException {
        Map<String, String> byHash = new HashMap<>();
        for (String name : names) {
            byHash.put(store.sha256(name), name);
        }
        return byHash;
    }

    private String integrity() {
        if (db.dialect() != SQLDialect.SQLITE) {
            return "ok";
        }
        List<String> lines = db.fetch("PRAGMA integrity_check").getValues(0, String.class);
        return String.join("; ", lines);
    }
}
