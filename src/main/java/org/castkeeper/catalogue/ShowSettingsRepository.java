package org.castkeeper.catalogue;

import static org.castkeeper.db.generated.Tables.SHOW_SETTINGS;
import static org.castkeeper.db.generated.Tables.SHOW_SETTINGS_CHANGE;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.castkeeper.config.ShowJson;
import org.castkeeper.config.ShowSettings;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/**
 * The show's settings as the host edits them: one row per show, written in one transaction with a line in the
 * change log for every value that changed. Saving moves the catalogue's change stamp, so every instance serves
 * the new settings after its next stamp check, and this one at once.
 */
public final class ShowSettingsRepository {
    private final DSLContext db;
    private final int showId;
    private final Clock clock;
    private final CatalogueChanges changes;

    public ShowSettingsRepository(DSLContext db, int showId, Clock clock, CatalogueChanges changes) {
        this.db = db;
        this.showId = showId;
        this.clock = clock;
        this.changes = changes;
    }

    /** The settings as stored, with the moment (epoch milliseconds) they were last saved: their version. */
    public record Stored(ShowSettings settings, long version, String updatedBy) {}

    /** One changed value: who changed which setting when, from what to what (null: not set). */
    public record Change(Instant at, String by, String setting, String oldValue, String newValue) {}

    /** Thrown by {@link #save} when someone saved the settings after the version the caller started from. */
    public static final class StaleEdit extends RuntimeException {
        public StaleEdit() {
            super("the settings were changed by someone else since this page was opened");
        }
    }

    /**
     * The first start of a show stores {@code fromFile} (feed-config.yml's show section) as its settings, with
     * {@code madeGuid} (made from the feed's address) when the file gives no podcast:guid. Later starts store
     * nothing; they return the settings the file has changed since it seeded the show, which are not applied (the
     * host edits the show in the admin now), so the caller can say so. A guid the file gives is fixed at once; a
     * made one follows the address until {@link #settleGuid} fixes it.
     */
    public List<String> seed(ShowSettings fromFile, String madeGuid) {
        boolean given = fromFile.podcastGuid() != null;
        ShowSettings first = given ? fromFile : ShowJson.with(fromFile, "podcastGuid", madeGuid);
        long now = clock.millis();
        db.insertInto(
                        SHOW_SETTINGS,
                        SHOW_SETTINGS.SHOW_ID,
                        SHOW_SETTINGS.SETTINGS,
                        SHOW_SETTINGS.SEED,
                        SHOW_SETTINGS.UPDATED_AT,
                        SHOW_SETTINGS.UPDATED_BY,
                        SHOW_SETTINGS.PODCAST_GUID_FIXED_AT,
                        SHOW_SETTINGS.PODCAST_GUID_FOLLOWS)
                .values(
                        showId,
                        ShowJson.write(first),
                        ShowJson.write(fromFile),
                        now,
                        "feed-config.yml",
                        given ? now : null,
                        !given)
                .onConflict(SHOW_SETTINGS.SHOW_ID)
                .doNothing()
                .execute();
        String seed = db.select(SHOW_SETTINGS.SEED)
                .from(SHOW_SETTINGS)
                .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                .fetchSingle(SHOW_SETTINGS.SEED);
        return differences(ShowJson.flatten(ShowJson.read(seed)), ShowJson.flatten(fromFile));
    }

    /**
     * Settles the show's podcast:guid, which identifies it to the Podcast Index and apps for good. Until the show
     * starts at a public address, a guid Castkeeper made follows the address ({@code madeGuid}, made from the
     * current feed URL), so a show tried out on localhost does not keep localhost's guid, which every such show
     * would share. At the first start at a public address it is fixed. Once fixed, nothing here changes it.
     *
     * <p>A catalogue from before guids followed the address (V012) has a guid of unknown origin: it is kept unless
     * {@code madeLocally} recognises it as made from a local address, in which case it follows from then on.
     *
     * @return the guid now stored
     */
    public String settleGuid(String madeGuid, boolean publicAddress, Predicate<String> madeLocally) {
        return db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var row = t.select(
                            SHOW_SETTINGS.SETTINGS,
                            SHOW_SETTINGS.PODCAST_GUID_FIXED_AT,
                            SHOW_SETTINGS.PODCAST_GUID_FOLLOWS)
                    .from(SHOW_SETTINGS)
                    .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                    .fetchSingle();
            ShowSettings stored = ShowJson.read(row.value1());
            String guid = stored.podcastGuid();
            if (row.value2() != null) {
                return guid;
            }
            boolean follows = Boolean.TRUE.equals(row.value3()) || guid == null || madeLocally.test(guid);
            if (!follows && !publicAddress) {
                return guid; // Of unknown origin, and nothing to fix it at yet.
            }
            String settled = follows ? madeGuid : guid;
            long now = clock.millis();
            var update = t.update(SHOW_SETTINGS)
                    .set(SHOW_SETTINGS.PODCAST_GUID_FIXED_AT, publicAddress ? now : null)
                    .set(SHOW_SETTINGS.PODCAST_GUID_FOLLOWS, !publicAddress);
            if (!settled.equals(guid)) {
                update = update.set(
                                SHOW_SETTINGS.SETTINGS, ShowJson.write(ShowJson.with(stored, "podcastGuid", settled)))
                        .set(SHOW_SETTINGS.UPDATED_AT, DSL.greatest(DSL.val(now), SHOW_SETTINGS.UPDATED_AT.plus(1)));
                logChange(t, now, "Castkeeper", "podcastGuid", guid, settled);
            }
            update.where(SHOW_SETTINGS.SHOW_ID.eq(showId)).execute();
            return settled;
        });
    }

    /** When the show's podcast:guid was fixed for good, or empty while it still follows the address. */
    public Optional<Instant> guidFixedAt() {
        Long at = db.select(SHOW_SETTINGS.PODCAST_GUID_FIXED_AT)
                .from(SHOW_SETTINGS)
                .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                .fetchOne(SHOW_SETTINGS.PODCAST_GUID_FIXED_AT);
        return Optional.ofNullable(at).map(Instant::ofEpochMilli);
    }

    public Stored load() {
        var row = db.select(SHOW_SETTINGS.SETTINGS, SHOW_SETTINGS.UPDATED_AT, SHOW_SETTINGS.UPDATED_BY)
                .from(SHOW_SETTINGS)
                .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                .fetchOne();
        if (row == null) {
            throw new IllegalStateException("The show has no settings yet; they are seeded when Castkeeper opens");
        }
        return new Stored(ShowJson.read(row.value1()), row.value2(), row.value3());
    }

    /**
     * Stores {@code next} if the stored settings are still at {@code version}, and logs each changed value.
     *
     * @return the changes made; empty when nothing differed (and then nothing is written)
     * @throws StaleEdit when another save came in between
     */
    public List<Change> save(ShowSettings next, long version, String by) {
        List<Change> made = db.transactionResult(tx -> {
            DSLContext t = tx.dsl();
            var row = t.select(SHOW_SETTINGS.SETTINGS, SHOW_SETTINGS.UPDATED_AT)
                    .from(SHOW_SETTINGS)
                    .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                    .fetchSingle();
            if (row.value2() != version) {
                throw new StaleEdit();
            }
            Map<String, String> before = ShowJson.flatten(ShowJson.read(row.value1()));
            Map<String, String> after = ShowJson.flatten(next);
            List<String> keys = differences(before, after);
            if (keys.isEmpty()) {
                return List.of();
            }
            // Strictly later than the version read, even on a coarse clock, so a stale form is always noticed.
            long now = Math.max(clock.millis(), version + 1);
            // The version check again, in the write itself: of two saves racing from one version, one wins.
            int updated = t.update(SHOW_SETTINGS)
                    .set(SHOW_SETTINGS.SETTINGS, ShowJson.write(next))
                    .set(SHOW_SETTINGS.UPDATED_AT, now)
                    .set(SHOW_SETTINGS.UPDATED_BY, by)
                    .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                    .and(SHOW_SETTINGS.UPDATED_AT.eq(version))
                    .execute();
            if (updated != 1) {
                throw new StaleEdit();
            }
            if (keys.contains("podcastGuid")) {
                // A guid the host sets (the one the show had at its old host) is the show's for good.
                t.update(SHOW_SETTINGS)
                        .set(SHOW_SETTINGS.PODCAST_GUID_FIXED_AT, now)
                        .set(SHOW_SETTINGS.PODCAST_GUID_FOLLOWS, false)
                        .where(SHOW_SETTINGS.SHOW_ID.eq(showId))
                        .execute();
            }
            List<Change> changes = new ArrayList<>();
            for (String key : keys) {
                changes.add(logChange(t, now, by, key, before.get(key), after.get(key)));
            }
            return changes;
        });
        if (!made.isEmpty()) {
            changes.fire();
        }
        return made;
    }

    private Change logChange(DSLContext t, long now, String by, String key, String oldValue, String newValue) {
        t.insertInto(
                        SHOW_SETTINGS_CHANGE,
                        SHOW_SETTINGS_CHANGE.SHOW_ID,
                        SHOW_SETTINGS_CHANGE.CHANGED_AT,
                        SHOW_SETTINGS_CHANGE.CHANGED_BY,
                        SHOW_SETTINGS_CHANGE.SETTING,
                        SHOW_SETTINGS_CHANGE.OLD_VALUE,
                        SHOW_SETTINGS_CHANGE.NEW_VALUE)
                .values(showId, now, by, key, oldValue, newValue)
                .execute();
        return new Change(Instant.ofEpochMilli(now), by, key, oldValue, newValue);
    }

    /** The latest changes, newest first. */
    public List<Change> history(int limit) {
        return db.selectFrom(SHOW_SETTINGS_CHANGE)
                .where(SHOW_SETTINGS_CHANGE.SHOW_ID.eq(showId))
                .orderBy(SHOW_SETTINGS_CHANGE.CHANGED_AT.desc(), SHOW_SETTINGS_CHANGE.ID.desc())
                .limit(limit)
                .fetch(r -> new Change(
                        Instant.ofEpochMilli(r.getChangedAt()),
                        r.getChangedBy(),
                        r.getSetting(),
                        r.getOldValue(),
                        r.getNewValue()));
    }

    /** Keys whose values differ, in order of appearance (a list that shrank shows its removed entries). */
    private static List<String> differences(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new LinkedHashSet<>(after.keySet());
        keys.addAll(before.keySet());
        List<String> differing = new ArrayList<>();
        for (String key : keys) {
            if (!Objects.equals(before.get(key), after.get(key))) {
                differing.add(key);
            }
        }
        return differing;
    }
}
