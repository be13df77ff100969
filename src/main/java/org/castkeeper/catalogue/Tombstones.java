package org.castkeeper.catalogue;

import static org.castkeeper.db.generated.Tables.DELETED_EPISODE;
import static org.castkeeper.db.generated.Tables.EPISODE;
import static org.castkeeper.db.generated.Tables.EPISODE_TRANSCRIPT;
import static org.castkeeper.db.generated.Tables.KNOWN_AUDIO;
import static org.castkeeper.db.generated.Tables.RETIRED_MEDIA;

import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.castkeeper.db.generated.tables.records.EpisodeRecord;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * What the catalogue remembers of what is gone, so that it never comes back as something else: deleted episodes
 * (their guid is never given again, their slug answers 410), retired files (their URLs redirect or answer 410,
 * never new content) and every audio file an episode ever used (the drop folder cannot bring it back). Read here;
 * written by {@link EpisodeRepository}, in the transaction of the change that made them.
 */
public final class Tombstones {
    private final DSLContext db;
    private final int showId;
    private final Clock clock;

    Tombstones(DSLContext db, int showId, Clock clock) {
        this.db = db;
        this.showId = showId;
        this.clock = clock;
    }

    /** Writes the tombstone of a deleted episode (in the deletion's transaction {@code tx}). */
    void recordDeletion(DSLContext tx, EpisodeRecord r, boolean wasPublic, String by) {
        tx.insertInto(
                        DELETED_EPISODE,
                        DELETED_EPISODE.SHOW_ID,
                        DELETED_EPISODE.EPISODE_ID,
                        DELETED_EPISODE.GUID,
                        DELETED_EPISODE.SLUG,
                        DELETED_EPISODE.TITLE,
                        DELETED_EPISODE.WAS_PUBLIC,
                        DELETED_EPISODE.DELETED_AT,
                        DELETED_EPISODE.DELETED_BY)
                .values(showId, r.getId(), r.getGuid(), r.getSlug(), r.getTitle(), wasPublic, clock.millis(), by)
                .execute();
    }

    /** The slugs of deleted episodes: their pages answer 410 Gone (unless a live episode has the slug now). */
    public Set<String> deletedSlugs() {
        return new HashSet<>(db.select(DELETED_EPISODE.SLUG)
                .from(DELETED_EPISODE)
                .where(DELETED_EPISODE.SHOW_ID.eq(showId))
                .fetch(DELETED_EPISODE.SLUG));
    }

    /** Whether a file was ever at {@code path} and retired: its URL redirects or answers 410, never new content. */
    public boolean wasRetired(String path) {
        return db.fetchExists(RETIRED_MEDIA, RETIRED_MEDIA.SHOW_ID.eq(showId).and(RETIRED_MEDIA.PATH.eq(path)));
    }

    /** A deleted episode as its tombstone remembers it. */
    public record Deletion(int episodeId, String title, Instant at) {}

    /** How episode {@code episodeId} was deleted, or empty when it was not. */
    public Optional<Deletion> deletion(int episodeId) {
        return db.select(DELETED_EPISODE.TITLE, DELETED_EPISODE.DELETED_AT)
                .from(DELETED_EPISODE)
                .where(DELETED_EPISODE.SHOW_ID.eq(showId))
                .and(DELETED_EPISODE.EPISODE_ID.eq(episodeId))
                .fetchOptional(r -> new Deletion(episodeId, r.value1(), Instant.ofEpochMilli(r.value2())));
    }

    /** Whether a deleted episode had this guid: it is never given to another. */
    public boolean guidDeleted(String guid) {
        return db.fetchExists(
                DELETED_EPISODE, DELETED_EPISODE.SHOW_ID.eq(showId).and(DELETED_EPISODE.GUID.eq(guid)));
    }

    void retireIfReplaced(DSLContext tx, int episodeId, RetiredFile.Kind kind, String old, String now) {
        if (old == null || old.equals(now)) {
            return;
        }
        // Content-addressed artwork may be shared by several episodes: only a file nobody uses is retired.
        boolean stillUsed = tx.fetchExists(
                        EPISODE,
                        EPISODE.SHOW_ID
                                .eq(showId)
                                .and(EPISODE.ID.ne(episodeId))
                                .and(EPISODE.AUDIO_PATH.eq(old).or(EPISODE.ARTWORK_PATH.eq(old))))
                || tx.fetchExists(DSL.selectOne()
                        .from(EPISODE_TRANSCRIPT)
                        .join(EPISODE)
                        .on(EPISODE.ID.eq(EPISODE_TRANSCRIPT.EPISODE_ID))
                        .where(EPISODE.SHOW_ID.eq(showId))
                        .and(EPISODE.ID.ne(episodeId))
                        .and(EPISODE_TRANSCRIPT.PATH.eq(old)));
        if (stillUsed) {
            return;
        }
        tx.insertInto(
                        RETIRED_MEDIA,
                        RETIRED_MEDIA.SHOW_ID,
                        RETIRED_MEDIA.PATH,
                        RETIRED_MEDIA.EPISODE_ID,
                        RETIRED_MEDIA.KIND,
                        RETIRED_MEDIA.RETIRED_AT)
                .values(showId, old, episodeId, kind.code(), clock.millis())
                .onConflict(RETIRED_MEDIA.SHOW_ID, RETIRED_MEDIA.PATH)
                .doNothing()
                .execute();
    }

    /** Every file ever retired, oldest first. */
    public List<RetiredFile> retired() {
        return db.selectFrom(RETIRED_MEDIA)
                .where(RETIRED_MEDIA.SHOW_ID.eq(showId))
                .orderBy(RETIRED_MEDIA.RETIRED_AT)
                .fetch(r -> new RetiredFile(
                        r.getPath(),
                        r.getEpisodeId(),
                        RetiredFile.Kind.of(r.getKind()),
                        Instant.ofEpochMilli(r.getRetiredAt())));
    }

    /** Notes that this audio was used by an episode, for good (see {@link #usedBefore}). */
    void remember(DSLContext tx, String sha256, int episodeId) {
        tx.insertInto(
                        KNOWN_AUDIO,
                        KNOWN_AUDIO.SHOW_ID,
                        KNOWN_AUDIO.SHA256,
                        KNOWN_AUDIO.EPISODE_ID,
                        KNOWN_AUDIO.FIRST_SEEN)
                .values(showId, sha256, episodeId, clock.millis())
                .onConflict(KNOWN_AUDIO.SHOW_ID, KNOWN_AUDIO.SHA256)
                .doUpdate()
                .set(KNOWN_AUDIO.EPISODE_ID, episodeId)
                .execute();
    }

    /**
     * The episode that last used this audio, if any episode ever did, even when it has since been given other
     * audio: such a file must not come back as a new episode.
     */
    public Optional<Integer> usedBefore(String sha256) {
        return db.select(KNOWN_AUDIO.EPISODE_ID)
                .from(KNOWN_AUDIO)
                .where(KNOWN_AUDIO.SHOW_ID.eq(showId))
                .and(KNOWN_AUDIO.SHA256.eq(sha256))
                .fetchOptional(KNOWN_AUDIO.EPISODE_ID);
    }
}
