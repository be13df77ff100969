package org.castkeeper.catalogue;

import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.castkeeper.config.ShowSettings;

/**
 * What the public can see at one moment: the show's settings, the live episodes, newest first, and the files
 * they reference.
 * Immutable; {@link PublicationCache} makes a new one whenever the catalogue or the clock changes what is live.
 */
public final class Publication {
    private final List<Episode> live;
    private final Instant lastModified;
    private final Instant validUntil;
    private final ChangeStamp stamp;
    private final ShowSettings show;
    private final Set<String> deletedSlugs;
    private final Map<String, Episode> byAudioPath = new HashMap<>();
    private final Map<String, Episode> bySlug = new HashMap<>();
    private final Set<String> publicFiles = new HashSet<>();
    private final Map<String, String> transcriptTypes = new HashMap<>();
    private final Map<Integer, Episode> byId = new HashMap<>();
    private final Map<String, RetiredFile> retired = new HashMap<>();

    /**
     * @param lastModified when what the public sees last changed, as far as the catalogue can tell
     * @param validUntil   when the next scheduled episode goes live: this snapshot is stale from then on
     * @param stamp        the catalogue's change stamp when the snapshot was taken
     */
    public Publication(
            ShowSettings show, List<Episode> live, Instant lastModified, Instant validUntil, ChangeStamp stamp) {
        this(show, live, lastModified, validUntil, stamp, List.of(), Set.of());
    }

    /**
     * @param show    the show's settings as they are now (the catalogue's, with environment overrides)
     * @param retired every file ever retired (see {@link RetiredFile})
     * @param deletedSlugs the slugs of deleted episodes, whose pages answer 410 Gone
     */
    public Publication(
            ShowSettings show,
            List<Episode> live,
            Instant lastModified,
            Instant validUntil,
            ChangeStamp stamp,
            List<RetiredFile> retired,
            Set<String> deletedSlugs) {
        this.deletedSlugs = Set.copyOf(deletedSlugs);
        this.show = java.util.Objects.requireNonNull(show, "show");
        for (RetiredFile r : retired) {
            this.retired.put(r.path(), r);
        }
        this.live = List.copyOf(live);
        this.lastModified = lastModified;
        this.validUntil = validUntil;
        this.stamp = stamp;
        for (Episode e : this.live) {
            byAudioPath.put(e.audio().path(), e);
            byId.put(e.id(), e);
            bySlug.put(e.slug(), e);
            if (e.artworkPath() != null) {
                publicFiles.add(e.artworkPath());
            }
            for (Transcript t : e.transcripts()) {
                publicFiles.add(t.path());
                transcriptTypes.put(t.path(), t.type());
            }
        }
    }

    /** The slugs of deleted episodes (see {@link #wasDeleted}). */
    public Set<String> deletedSlugs() {
        return deletedSlugs;
    }

    /** The show's settings: title, owner, categories ... as the feed and the site show them now. */
    public ShowSettings show() {
        return show;
    }

    public List<Episode> live() {
        return live;
    }

    public Instant lastModified() {
        return lastModified;
    }

    public Instant validUntil() {
        return validUntil;
    }

    public ChangeStamp stamp() {
        return stamp;
    }

    public Optional<Episode> byAudioPath(String path) {
        return Optional.ofNullable(byAudioPath.get(path));
    }

    /** The live episode with this id. */
    public Optional<Episode> byId(int id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The retired file once at {@code path}, if one was. */
    public Optional<RetiredFile> retired(String path) {
        return Optional.ofNullable(retired.get(path));
    }

    /** Whether an episode with this slug was deleted (and no live one has the slug now): its page is Gone. */
    public boolean wasDeleted(String slug) {
        return !bySlug.containsKey(slug) && deletedSlugs.contains(slug);
    }

    public Optional<Episode> bySlug(String slug) {
        return Optional.ofNullable(bySlug.get(slug));
    }

    /** The MIME type of a live episode's transcript at {@code path}, if that is what the path is. */
    public Optional<String> transcriptType(String path) {
        return Optional.ofNullable(transcriptTypes.get(path));
    }

    /** Artwork and transcripts that a live episode references: the only other media files anyone may fetch. */
    public boolean isPublicFile(String path) {
        return publicFiles.contains(path);
    }
}
