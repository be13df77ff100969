package org.castkeeper.catalogue;

import static org.castkeeper.db.generated.Tables.CHAPTER;
import static org.castkeeper.db.generated.Tables.DELETED_EPISODE;
import static org.castkeeper.db.generated.Tables.EPISODE;
import static org.castkeeper.db.generated.Tables.EPISODE_NOTICE;
import static org.castkeeper.db.generated.Tables.EPISODE_PERSON;
import static org.castkeeper.db.generated.Tables.EPISODE_TRANSCRIPT;
import static org.castkeeper.db.generated.Tables.SHOW_SETTINGS;
import static org.castkeeper.db.generated.Tables.SOUNDBITE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.castkeeper.db.generated.tables.records.EpisodeRecord;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.exception.IntegrityConstraintViolationException;
import org.jooq.impl.DSL;

/**
 * Reads and writes the episodes of one show, each write one transaction with what it implies (a deletion's
 * tombstone, a replaced file's retirement). The same code runs on SQLite and PostgreSQL. Beside it, and written in
 * its transactions: {@link EpisodeNotices} (what the host should know of an episode) and {@link Tombstones} (what
 * is gone and must never come back).
 *
 * <p>The guid is set here, once (made here, or an old feed's for an episode moved in), and no method writes it
 * again; a database trigger backs that up.
 */
public final class EpisodeRepository {
    private final DSLContext db;
    private final int showId;
    private final Clock clock;
    private final CatalogueChanges changes;
    private final EpisodeNotices notices;
    private final Tombstones tombstones;

    public EpisodeRepository(DSLContext db, int showId, Clock clock) {
        this(db, showId, clock, new CatalogueChanges());
    }

    /** @param changes fired after every successful write, so caches of the catalogue can refresh */
    public EpisodeRepository(DSLContext db, int showId, Clock clock, CatalogueChanges changes) {
        this.db = db;
        this.showId = showId;
        this.clock = clock;
        this.changes = changes;
        this.notices = new EpisodeNotices(db, clock);
        this.tombstones = new Tombstones(db, showId, clock);
    }

    /** What the host should know about each episode's audio, until they dismiss it. */
    public EpisodeNotices notices() {
        return notices;
    }

    /** What the catalogue remembers of what is gone: deleted episodes, retired files, audio once used. */
    public Tombstones tombstones() {
        return tombstones;
    }

    /** Tells this thread's writes to the caches in bulk until closed (see {@link CatalogueChanges#batch()}). */
    public CatalogueChanges.Batch batch() {
        return changes.batch();
    }

    /** Thrown by {@link #create} when the same audio (by SHA-256) is already catalogued. */
    public static final class DuplicateAudio extends RuntimeException {
        public DuplicateAudio(String sha256) {
            super("this audio is already in the catalogue (sha256 " + sha256 + ")");
        }
    }

    /** Thrown by {@link #create} when an episode from a feed has a guid some episode has already. */
    public static final class DuplicateGuid extends RuntimeException {
        public DuplicateGuid(String guid) {
            super("an episode with guid " + guid + " is already in the catalogue");
        }
    }

    /**
     * Catalogues a new episode. One made from a file gets a new guid, and its audio must be new to the catalogue
     * ({@link DuplicateAudio}); one from a feed keeps the feed's guid ({@link DuplicateGuid}) and may share its
     * audio with another.
     */
    public Episode create(NewEpisode e) {
        for (int attempt = 0; ; attempt++) {
            try {
                // First the title's own slug, which is usually free: the insert says so at no extra cost. Taken,
                // the insert fails and the next attempt looks for the first free "-2", "-3" ...
                boolean optimistic = attempt == 0;
                Episode created = db.transactionResult(tx -> insert(tx.dsl(), e, optimistic));
                changes.fire();
                return created;
            } catch (IntegrityConstraintViolationException conflict) {
                if (e.fromFeed() != null && findByGuid(e.fromFeed().guid()).isPresent()) {
                    throw new DuplicateGuid(e.fromFeed().guid());
                }
                if (e.fromFeed() == null && findBySha256(e.audio().sha256()).isPresent()) {
                    throw new DuplicateAudio(e.audio().sha256());
                }
                // The slug was taken (or another instance took the one we picked a moment ago): pick again.
                if (attempt >= 4) {
                    throw conflict;
                }
            }
        }
    }

    private Episode insert(DSLContext tx, NewEpisode e, boolean titleSlug) {
        long now = clock.millis();
        EpisodeRecord r = tx.newRecord(EPISODE);
        r.setShowId(showId);
        NewEpisode.FromFeed feed = e.fromFeed();
        r.setGuid(feed != null ? feed.guid() : UUID.randomUUID().toString());
        String base = Slugs.of(e.title());
        // A deleted episode's slug answers 410 for good: a new episode never takes it back.
        boolean gone = tx.fetchExists(
                DELETED_EPISODE, DELETED_EPISODE.SHOW_ID.eq(showId).and(DELETED_EPISODE.SLUG.eq(base)));
        r.setSlug(titleSlug && !gone ? base : freeSlug(tx, base));
        r.setTitle(e.title());
        r.setDescription(e.description() == null ? "" : e.description());
        r.setState(e.state().code());
        r.setPublishAt(e.publishAt() == null ? null : e.publishAt().toEpochMilli());
        r.setEpisodeType(EpisodeType.FULL.code());
        writeAudio(r, e.audio());
        r.setArtist(e.artist());
        r.setAlbum(e.album());
        r.setArtworkPath(e.artworkPath());
        if (feed != null) {
            r.setOrigin("feed");
            r.setSeason(feed.season());
            r.setEpisodeNumber(feed.number());
            r.setEpisodeType((feed.type() == null ? EpisodeType.FULL : feed.type()).code());
            r.setExplicit(feed.explicit());
            r.setSourceUrl(feed.sourceUrl());
            r.setSourceFingerprint(feed.fingerprint());
        }
        r.setCreatedAt(now);
        r.setUpdatedAt(now);
        // One statement: the new id comes back with RETURNING, where store() asks for it in a second one.
        r.setId(tx.insertInto(EPISODE)
                .set(r)
                .returningResult(EPISODE.ID)
                .fetchSingle()
                .value1());
        tombstones.remember(tx, r.getSha256(), r.getId());
        Children children = feed == null
                ? new Children(e.chapters(), List.of(), List.of(), List.of())
                : new Children(e.chapters(), feed.soundbites(), feed.persons(), feed.transcripts());
        writeChildren(tx, r.getId(), children);
        return toEpisode(r, children);
    }

    /** The slug itself, or the slug with the first "-2", "-3", ... suffix no episode has, or had before it was deleted. */
    private String freeSlug(DSLContext tx, String base) {
        String pattern = base.replace("_", "\\_") + "-%";
        Set<String> taken = new HashSet<>(tx.select(EPISODE.SLUG)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(EPISODE.SLUG.eq(base).or(EPISODE.SLUG.like(pattern, '\\')))
                .fetch(EPISODE.SLUG));
        taken.addAll(tx.select(DELETED_EPISODE.SLUG)
                .from(DELETED_EPISODE)
                .where(DELETED_EPISODE.SHOW_ID.eq(showId))
                .and(DELETED_EPISODE.SLUG.eq(base).or(DELETED_EPISODE.SLUG.like(pattern, '\\')))
                .fetch(DELETED_EPISODE.SLUG));
        if (!taken.contains(base)) {
            return base;
        }
        for (int n = 2; ; n++) {
            if (!taken.contains(base + "-" + n)) {
                return base + "-" + n;
            }
        }
    }

    /**
     * Saves every field the host can edit. The guid, id and creation time are not written, whatever
     * {@code e} holds. Returns the stored episode.
     */
    public Episode update(Episode e) {
        return update(e, null);
    }

    /**
     * {@link #update(Episode)}, for an episode moved in from a feed whose old host changed it: {@code
     * sourceFingerprint} is what the item says now (null leaves the stored one).
     */
    public Episode update(Episode e, String sourceFingerprint) {
        Episode updated = db.transactionResult(tx -> {
            EpisodeRecord r = tx.dsl()
                    .selectFrom(EPISODE)
                    .where(EPISODE.ID.eq(e.id()))
                    .and(EPISODE.SHOW_ID.eq(showId))
                    .fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no episode " + e.id()));
            // A file the episode stops using is retired in the same transaction: no crash can lose track of it.
            tombstones.retireIfReplaced(
                    tx.dsl(),
                    e.id(),
                    RetiredFile.Kind.AUDIO,
                    r.getAudioPath(),
                    e.audio().path());
            tombstones.retireIfReplaced(
                    tx.dsl(), e.id(), RetiredFile.Kind.ARTWORK, r.getArtworkPath(), e.artworkPath());
            Set<String> keeps = new HashSet<>(e.files());
            for (String was : tx.dsl()
                    .select(EPISODE_TRANSCRIPT.PATH)
                    .from(EPISODE_TRANSCRIPT)
                    .where(EPISODE_TRANSCRIPT.EPISODE_ID.eq(e.id()))
                    .fetch(EPISODE_TRANSCRIPT.PATH)) {
                if (!keeps.contains(was)) {
                    tombstones.retireIfReplaced(tx.dsl(), e.id(), RetiredFile.Kind.TRANSCRIPT, was, null);
                }
            }
            r.setTitle(e.title());
            r.setSlug(e.slug());
            r.setDescription(e.description());
            r.setNotesMarkdown(e.notesMarkdown());
            r.setState(e.state().code());
            r.setPublishAt(e.publishAt() == null ? null : e.publishAt().toEpochMilli());
            r.setSeason(e.season());
            r.setEpisodeNumber(e.episodeNumber());
            r.setEpisodeType(e.type().code());
            r.setExplicit(e.explicit());
            writeAudio(r, e.audio());
            r.setArtist(e.artist());
            r.setAlbum(e.album());
            r.setArtworkPath(e.artworkPath());
            r.setSocialUri(e.socialUri());
            if (sourceFingerprint != null) {
                r.setSourceFingerprint(sourceFingerprint);
            }
            r.setUpdatedAt(clock.millis());
            r.store();
            tombstones.remember(tx.dsl(), r.getSha256(), r.getId());
            Children children = new Children(e.chapters(), e.soundbites(), e.persons(), e.transcripts());
            tx.dsl().deleteFrom(CHAPTER).where(CHAPTER.EPISODE_ID.eq(e.id())).execute();
            tx.dsl()
                    .deleteFrom(EPISODE_TRANSCRIPT)
                    .where(EPISODE_TRANSCRIPT.EPISODE_ID.eq(e.id()))
                    .execute();
            tx.dsl()
                    .deleteFrom(SOUNDBITE)
                    .where(SOUNDBITE.EPISODE_ID.eq(e.id()))
                    .execute();
            tx.dsl()
                    .deleteFrom(EPISODE_PERSON)
                    .where(EPISODE_PERSON.EPISODE_ID.eq(e.id()))
                    .execute();
            writeChildren(tx.dsl(), e.id(), children);
            return toEpisode(r, children);
        });
        changes.fire();
        return updated;
    }

    /**
     * Deletes the episode for good, in one transaction: a tombstone keeps its guid (never used again) and its
     * slug (its page answers 410 Gone), its files are recorded as retired (their URLs answer 410, and the sweep
     * moves them out of the store), and its audio's hash stays known so the drop folder cannot bring it back.
     *
     * @return the deleted episode, or empty when there was none with this id
     */
    public Optional<Episode> delete(int id, String by) {
        Optional<Episode> deleted = findById(id);
        if (deleted.isEmpty()) {
            return deleted;
        }
        boolean wasPublic = deleted.get().hasBeenPublic(clock.instant());
        db.transaction(tx -> {
            DSLContext t = tx.dsl();
            EpisodeRecord r = t.selectFrom(EPISODE)
                    .where(EPISODE.ID.eq(id))
                    .and(EPISODE.SHOW_ID.eq(showId))
                    .fetchOptional()
                    .orElseThrow(() -> new IllegalArgumentException("no episode " + id));
            tombstones.recordDeletion(t, r, wasPublic, by);
            tombstones.remember(t, r.getSha256(), id);
            tombstones.retireIfReplaced(t, id, RetiredFile.Kind.AUDIO, r.getAudioPath(), null);
            tombstones.retireIfReplaced(t, id, RetiredFile.Kind.ARTWORK, r.getArtworkPath(), null);
            for (String transcript : t.select(EPISODE_TRANSCRIPT.PATH)
                    .from(EPISODE_TRANSCRIPT)
                    .where(EPISODE_TRANSCRIPT.EPISODE_ID.eq(id))
                    .fetch(EPISODE_TRANSCRIPT.PATH)) {
                tombstones.retireIfReplaced(t, id, RetiredFile.Kind.TRANSCRIPT, transcript, null);
            }
            t.deleteFrom(CHAPTER).where(CHAPTER.EPISODE_ID.eq(id)).execute();
            t.deleteFrom(EPISODE_TRANSCRIPT)
                    .where(EPISODE_TRANSCRIPT.EPISODE_ID.eq(id))
                    .execute();
            t.deleteFrom(SOUNDBITE).where(SOUNDBITE.EPISODE_ID.eq(id)).execute();
            t.deleteFrom(EPISODE_PERSON).where(EPISODE_PERSON.EPISODE_ID.eq(id)).execute();
            t.deleteFrom(EPISODE_NOTICE).where(EPISODE_NOTICE.EPISODE_ID.eq(id)).execute();
            r.delete();
        });
        if (deleted.isPresent()) {
            changes.fire();
        }
        return deleted;
    }

    /** Every path in the media store an episode references: audio, artwork and transcripts. */
    public Set<String> referencedPaths() {
        Set<String> paths = new HashSet<>();
        db.select(EPISODE_TRANSCRIPT.PATH)
                .from(EPISODE_TRANSCRIPT)
                .join(EPISODE)
                .on(EPISODE.ID.eq(EPISODE_TRANSCRIPT.EPISODE_ID))
                .where(EPISODE.SHOW_ID.eq(showId))
                .forEach(r -> paths.add(r.value1()));
        db.select(EPISODE.AUDIO_PATH, EPISODE.ARTWORK_PATH)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .forEach(r -> {
                    paths.add(r.value1());
                    if (r.value2() != null) {
                        paths.add(r.value2());
                    }
                });
        return paths;
    }

    /** An episode's guid and, for one moved in from a feed, the fingerprint of the item it was made from. */
    public record Identity(int episodeId, String guid, String sourceFingerprint) {}

    /** Every episode's guid, for an import to tell the items it has from the new ones in one query. */
    public Map<String, Identity> identities() {
        Map<String, Identity> byGuid = new java.util.HashMap<>();
        db.select(EPISODE.ID, EPISODE.GUID, EPISODE.SOURCE_FINGERPRINT)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .forEach(r -> byGuid.put(r.value2(), new Identity(r.value1(), r.value2(), r.value3())));
        return byGuid;
    }

    /** An episode moved in from a feed: its guid, the enclosure URL its audio came from, and the size it has. */
    public record FromFeed(int episodeId, String guid, String sourceUrl, long sizeBytes) {}

    /** Every episode moved in from a feed, for checking the move (castkeeper check --old-feed). */
    public List<FromFeed> fromFeeds() {
        return db.select(EPISODE.ID, EPISODE.GUID, EPISODE.SOURCE_URL, EPISODE.SIZE_BYTES)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(EPISODE.ORIGIN.eq("feed"))
                .orderBy(EPISODE.ID)
                .fetch(r -> new FromFeed(r.value1(), r.value2(), r.value3(), r.value4()));
    }

    /** Whether an episode's audio is stored under {@code path}: a second episode must not share the file. */
    public boolean audioPathInUse(String path) {
        return db.fetchExists(EPISODE, EPISODE.SHOW_ID.eq(showId).and(EPISODE.AUDIO_PATH.eq(path)));
    }

    public Optional<Episode> findById(int id) {
        return one(EPISODE.ID.eq(id));
    }

    public Optional<Episode> findByGuid(String guid) {
        return one(EPISODE.GUID.eq(guid));
    }

    public Optional<Episode> findBySlug(String slug) {
        return one(EPISODE.SLUG.eq(slug));
    }

    public Optional<Episode> findBySha256(String sha256) {
        return one(EPISODE.SHA256.eq(sha256));
    }

    /** Every episode, newest first (by publish time, else creation time). */
    public List<Episode> all() {
        return many(DSL.noCondition());
    }

    /** The episodes in the feed at {@code now}, newest first. */
    public List<Episode> live(Instant now) {
        return many(EPISODE.STATE
                .in(EpisodeState.PUBLISHED.code(), EpisodeState.SCHEDULED.code())
                .and(EPISODE.PUBLISH_AT.le(now.toEpochMilli())));
    }

    /**
     * Every episode edited at or after {@code millis}, or created with an id above {@code maxId} (any state): what
     * a cache of the live episodes must look at again when nothing was deleted since it last read them.
     */
    public List<Episode> changedSince(long millis, int maxId) {
        // Two short index walks (V018), then the few rows by id: written as one OR, both databases read every
        // episode of the show to find the few.
        Set<Integer> ids = new HashSet<>(db.select(EPISODE.ID)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(EPISODE.UPDATED_AT.ge(millis))
                .fetch(EPISODE.ID));
        ids.addAll(db.select(EPISODE.ID)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(EPISODE.ID.gt(maxId))
                .fetch(EPISODE.ID));
        return ids.isEmpty() ? List.of() : many(EPISODE.ID.in(ids));
    }

    /** Scheduled episodes whose time is after {@code after} and not after {@code until}: those that went live then. */
    public List<Episode> scheduledLiveBetween(Instant after, Instant until) {
        return many(EPISODE.STATE
                .eq(EpisodeState.SCHEDULED.code())
                .and(EPISODE.PUBLISH_AT.gt(after.toEpochMilli()))
                .and(EPISODE.PUBLISH_AT.le(until.toEpochMilli())));
    }

    /** When the next scheduled episode goes live, if any is waiting: the feed must be rebuilt then. */
    public Optional<Instant> nextGoLiveAfter(Instant now) {
        Long next = db.select(DSL.min(EPISODE.PUBLISH_AT))
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(EPISODE.STATE.in(EpisodeState.PUBLISHED.code(), EpisodeState.SCHEDULED.code()))
                .and(EPISODE.PUBLISH_AT.gt(now.toEpochMilli()))
                .fetchOne(0, Long.class);
        return Optional.ofNullable(next).map(Instant::ofEpochMilli);
    }

    /** The show's {@link ChangeStamp}: one small aggregate query. */
    public ChangeStamp changeStamp() {
        var settingsSaved = DSL.field(
                DSL.select(SHOW_SETTINGS.UPDATED_AT).from(SHOW_SETTINGS).where(SHOW_SETTINGS.SHOW_ID.eq(showId)));
        var lastDeleted = DSL.field(DSL.select(DSL.max(DELETED_EPISODE.DELETED_AT))
                .from(DELETED_EPISODE)
                .where(DELETED_EPISODE.SHOW_ID.eq(showId)));
        // Each aggregate in its own subquery, so that each is one walk down its index (V018), not a read of every
        // episode.
        var lastEdit =
                DSL.field(DSL.select(DSL.max(EPISODE.UPDATED_AT)).from(EPISODE).where(EPISODE.SHOW_ID.eq(showId)));
        var maxId = DSL.field(DSL.select(DSL.max(EPISODE.ID)).from(EPISODE).where(EPISODE.SHOW_ID.eq(showId)));
        var count = DSL.field(DSL.select(DSL.count()).from(EPISODE).where(EPISODE.SHOW_ID.eq(showId)));
        var row = db.select(count, lastEdit, settingsSaved, lastDeleted, maxId).fetchSingle();
        return new ChangeStamp(row.value1(), row.value2(), row.value3(), row.value4(), row.value5());
    }

    /** One page of the episodes whose title contains {@code query} (any case), newest first, with the total. */
    public Page page(String query, int offset, int limit) {
        Condition matching =
                query == null || query.isBlank() ? DSL.noCondition() : EPISODE.TITLE.containsIgnoreCase(query.strip());
        int total = db.fetchCount(EPISODE, EPISODE.SHOW_ID.eq(showId).and(matching));
        List<Integer> ids = db.select(EPISODE.ID)
                .from(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(matching)
                .orderBy(DSL.coalesce(EPISODE.PUBLISH_AT, EPISODE.CREATED_AT).desc(), EPISODE.ID.desc())
                .limit(limit)
                .offset(offset)
                .fetch(EPISODE.ID);
        return new Page(ids.isEmpty() ? List.of() : many(EPISODE.ID.in(ids)), total);
    }

    /** A page of a listing and how many episodes the whole listing has. */
    public record Page(List<Episode> episodes, int total) {}

    public int count() {
        return db.fetchCount(EPISODE, EPISODE.SHOW_ID.eq(showId));
    }

    private Optional<Episode> one(Condition condition) {
        List<Episode> found = many(condition);
        return found.isEmpty() ? Optional.empty() : Optional.of(found.get(0));
    }

    /** The lists an episode owns, stored in their own tables. */
    private record Children(
            List<Chapter> chapters, List<Soundbite> soundbites, List<Person> persons, List<Transcript> transcripts) {}

    /** Four queries whatever the count: the episodes, then all their chapters, soundbites and people. */
    private List<Episode> many(Condition condition) {
        List<EpisodeRecord> rows = db.selectFrom(EPISODE)
                .where(EPISODE.SHOW_ID.eq(showId))
                .and(condition)
                .orderBy(DSL.coalesce(EPISODE.PUBLISH_AT, EPISODE.CREATED_AT).desc(), EPISODE.ID.desc())
                .fetch();
        List<Integer> ids = rows.stream().map(EpisodeRecord::getId).toList();
        Map<Integer, List<Chapter>> chapters = byEpisode(
                ids,
                CHAPTER,
                CHAPTER.EPISODE_ID,
                CHAPTER.POSITION,
                c -> new Chapter(
                        c.get(CHAPTER.START_MS), c.get(CHAPTER.END_MS), c.get(CHAPTER.TITLE), c.get(CHAPTER.URL)));
        Map<Integer, List<Soundbite>> soundbites = byEpisode(
                ids,
                SOUNDBITE,
                SOUNDBITE.EPISODE_ID,
                SOUNDBITE.POSITION,
                b -> new Soundbite(b.get(SOUNDBITE.START_MS), b.get(SOUNDBITE.DURATION_MS), b.get(SOUNDBITE.TITLE)));
        Map<Integer, List<Person>> persons = byEpisode(
                ids,
                EPISODE_PERSON,
                EPISODE_PERSON.EPISODE_ID,
                EPISODE_PERSON.POSITION,
                p -> new Person(
                        p.get(EPISODE_PERSON.NAME),
                        p.get(EPISODE_PERSON.ROLE),
                        p.get(EPISODE_PERSON.GRP),
                        p.get(EPISODE_PERSON.IMG),
                        p.get(EPISODE_PERSON.HREF)));
        Map<Integer, List<Transcript>> transcripts = byEpisode(
                ids,
                EPISODE_TRANSCRIPT,
                EPISODE_TRANSCRIPT.EPISODE_ID,
                EPISODE_TRANSCRIPT.POSITION,
                t -> new Transcript(
                        t.get(EPISODE_TRANSCRIPT.PATH),
                        t.get(EPISODE_TRANSCRIPT.TYPE),
                        t.get(EPISODE_TRANSCRIPT.LANGUAGE)));
        List<Episode> episodes = new ArrayList<>(rows.size());
        for (EpisodeRecord r : rows) {
            episodes.add(toEpisode(
                    r,
                    new Children(
                            chapters.getOrDefault(r.getId(), List.of()),
                            soundbites.getOrDefault(r.getId(), List.of()),
                            persons.getOrDefault(r.getId(), List.of()),
                            transcripts.getOrDefault(r.getId(), List.of()))));
        }
        return episodes;
    }

    /** Rows of a child table for the given episodes, grouped by episode and in their stored order. */
    private <R extends org.jooq.Record, T> Map<Integer, List<T>> byEpisode(
            List<Integer> episodeIds,
            org.jooq.Table<R> table,
            org.jooq.Field<Integer> episodeId,
            org.jooq.Field<Integer> position,
            java.util.function.Function<R, T> mapper) {
        if (episodeIds.isEmpty()) {
            return Map.of();
        }
        Map<Integer, List<T>> grouped = new java.util.HashMap<>();
        // One query per thousand ids keeps within every database's limit on bound parameters.
        for (int i = 0; i < episodeIds.size(); i += 1000) {
            for (R row : db.selectFrom(table)
                    .where(episodeId.in(episodeIds.subList(i, Math.min(episodeIds.size(), i + 1000))))
                    .orderBy(episodeId, position)
                    .fetch()) {
                grouped.computeIfAbsent(row.get(episodeId), k -> new ArrayList<>())
                        .add(mapper.apply(row));
            }
        }
        return grouped;
    }

    private static void writeAudio(EpisodeRecord r, EpisodeAudio a) {
        r.setAudioPath(a.path());
        r.setSizeBytes(a.sizeBytes());
        r.setMimeType(a.mimeType());
        r.setSha256(a.sha256());
        r.setDurationSeconds(a.durationSeconds());
        r.setBitrateKbps(a.bitrateKbps());
        r.setVariableBitrate(a.variableBitrate());
        r.setSampleRate(a.sampleRate());
        r.setChannels(a.channels());
    }

    private static void writeChildren(DSLContext tx, int episodeId, Children children) {
        for (int i = 0; i < children.chapters().size(); i++) {
            Chapter c = children.chapters().get(i);
            tx.insertInto(
                            CHAPTER,
                            CHAPTER.EPISODE_ID,
                            CHAPTER.POSITION,
                            CHAPTER.START_MS,
                            CHAPTER.END_MS,
                            CHAPTER.TITLE,
                            CHAPTER.URL)
                    .values(episodeId, i, c.startMillis(), c.endMillis(), c.title(), c.url())
                    .execute();
        }
        for (int i = 0; i < children.soundbites().size(); i++) {
            Soundbite b = children.soundbites().get(i);
            tx.insertInto(
                            SOUNDBITE,
                            SOUNDBITE.EPISODE_ID,
                            SOUNDBITE.POSITION,
                            SOUNDBITE.START_MS,
                            SOUNDBITE.DURATION_MS,
                            SOUNDBITE.TITLE)
                    .values(episodeId, i, b.startMillis(), b.durationMillis(), b.title())
                    .execute();
        }
        for (int i = 0; i < children.persons().size(); i++) {
            Person p = children.persons().get(i);
            tx.insertInto(
                            EPISODE_PERSON,
                            EPISODE_PERSON.EPISODE_ID,
                            EPISODE_PERSON.POSITION,
                            EPISODE_PERSON.NAME,
                            EPISODE_PERSON.ROLE,
                            EPISODE_PERSON.GRP,
                            EPISODE_PERSON.IMG,
                            EPISODE_PERSON.HREF)
                    .values(episodeId, i, p.name(), p.role(), p.group(), p.img(), p.href())
                    .execute();
        }
        for (int i = 0; i < children.transcripts().size(); i++) {
            Transcript t = children.transcripts().get(i);
            tx.insertInto(
                            EPISODE_TRANSCRIPT,
                            EPISODE_TRANSCRIPT.EPISODE_ID,
                            EPISODE_TRANSCRIPT.POSITION,
                            EPISODE_TRANSCRIPT.PATH,
                            EPISODE_TRANSCRIPT.TYPE,
                            EPISODE_TRANSCRIPT.LANGUAGE)
                    .values(episodeId, i, t.path(), t.type(), t.language())
                    .execute();
        }
    }

    private static Episode toEpisode(EpisodeRecord r, Children children) {
        return new Episode(
                r.getId(),
                r.getGuid(),
                r.getSlug(),
                r.getTitle(),
                r.getDescription(),
                r.getNotesMarkdown(),
                EpisodeState.fromCode(r.getState()),
                r.getPublishAt() == null ? null : Instant.ofEpochMilli(r.getPublishAt()),
                r.getSeason(),
                r.getEpisodeNumber(),
                EpisodeType.fromCode(r.getEpisodeType()),
                r.getExplicit(),
                new EpisodeAudio(
                        r.getAudioPath(),
                        r.getSizeBytes(),
                        r.getMimeType(),
                        r.getSha256(),
                        r.getDurationSeconds(),
                        r.getBitrateKbps(),
                        Boolean.TRUE.equals(r.getVariableBitrate()),
                        r.getSampleRate(),
                        r.getChannels()),
                r.getArtist(),
                r.getAlbum(),
                r.getArtworkPath(),
                children.transcripts(),
                r.getSocialUri(),
                children.chapters(),
                children.soundbites(),
                children.persons(),
                Instant.ofEpochMilli(r.getCreatedAt()),
                Instant.ofEpochMilli(r.getUpdatedAt()));
    }
}
