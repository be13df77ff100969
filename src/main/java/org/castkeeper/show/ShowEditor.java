package org.castkeeper.show;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.catalogue.ShowSettingsRepository.Change;
import org.castkeeper.catalogue.ShowSettingsRepository.Stored;
import org.castkeeper.config.AppConfig;
import org.castkeeper.config.ShowJson;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.media.ArtworkRules;
import org.castkeeper.media.ShowArtworks;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every change the host makes to the show's settings, the show artwork included: saved whole against the version
 * the host edited (someone else's save in between is refused, not overwritten), each changed setting logged and
 * kept in the change log. The feed picks the new settings up through the catalogue's change stamp.
 */
public final class ShowEditor {
    private static final Logger LOG = LoggerFactory.getLogger(ShowEditor.class);

    private final ShowSettingsRepository settings;
    private final AppConfig config;

    public ShowEditor(ShowSettingsRepository settings, AppConfig config) {
        this.settings = settings;
        this.config = config;
    }

    /** The settings as stored now, with their version (what a form edits). */
    public Stored current() {
        return settings.load();
    }

    /** When the show's podcast:guid was fixed for good (at its first start at a public address), if it was. */
    public java.util.Optional<java.time.Instant> guidFixedAt() {
        return settings.guidFixedAt();
    }

    /** The newest {@code limit} changes, newest first. */
    public List<Change> history(int limit) {
        return settings.history(limit);
    }

    /**
     * Saves {@code next} as a whole.
     *
     * @return each setting that changed (none when nothing did)
     * @throws ShowSettingsRepository.StaleEdit when someone saved since {@code version}: nothing is saved
     */
    public List<Change> save(ShowSettings next, long version, String by) {
        List<Change> changes = settings.save(next, version, by);
        for (Change c : changes) {
            LOG.info("{} changed show setting {} from \"{}\" to \"{}\"", by, c.setting(), c.oldValue(), c.newValue());
        }
        return changes;
    }

    /**
     * New show artwork: checked as episode art is (ArtworkRules), stored under a name made from its content beside
     * Castkeeper's own files (not in the episodes' media store, whose clean-up knows only episodes' files), and
     * named in the settings.
     *
     * @throws ArtworkRules.Broken when the image is not one directories take: nothing is saved
     * @throws ShowSettingsRepository.StaleEdit when someone saved since {@code version}
     */
    public Path replaceArtwork(byte[] bytes, long version, String by) throws ArtworkRules.Broken, IOException {
        String extension = ArtworkRules.check(bytes);
        Path target = ShowArtworks.store(config.showArtworkDir(), bytes, extension);
        ShowSettings before = settings.load().settings();
        settings.save(ShowJson.with(before, "artwork", config.settingFor(target)), version, by);
        LOG.info("{} uploaded new show artwork {}", by, target);
        return target;
    }
}
