package org.castkeeper.feedimport;

import com.rometools.modules.itunes.FeedInformationImpl;
import com.rometools.modules.itunes.types.Category;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Function;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.feed.ShowNotesHtml;
import org.castkeeper.feed.podcast.PodcastChannel;
import org.castkeeper.feed.podcast.PodcastGuid;
import org.castkeeper.media.ArtworkRules;
import org.castkeeper.media.ShowArtworks;

/**
 * The show's own settings from its old feed. The first import into a show without episodes takes the old show's
 * title, description, author, language, categories, owner, explicit, type, artwork, funding, people, locked and
 * podcast:guid (the old one, or the one the old feed URL gives: the Podcast Index knows the show by it), saved in
 * the settings history as the import's. Never itunes:new-feed-url or the blocks: they would send our own feed
 * away. A later run changes nothing and says where the old feed differs.
 */
final class ShowAdoption {
    private static final long MAX_ARTWORK_BYTES = 20L * 1024 * 1024;

    private final ShowSettingsRepository settings;
    private final Path artworkFolder;
    private final Function<Path, String> settingFor;

    /** @param settingFor how a stored file is named in the settings (relative to the config file's folder) */
    ShowAdoption(ShowSettingsRepository settings, Path artworkFolder, Function<Path, String> settingFor) {
        this.settings = settings;
        this.artworkFolder = artworkFolder;
        this.settingFor = settingFor;
    }

    /** Takes the old show's settings; returns what the host should know, in their words. */
    List<String> adopt(OldShow old, Downloads downloads, String by) throws IOException, InterruptedException {
        List<String> notes = new ArrayList<>();
        ShowSettingsRepository.Stored stored = settings.load();
        ShowSettings now = stored.settings();
        String artwork = artwork(old, downloads, notes);
        ShowSettings next = merged(now, old, artwork);
        List<ShowSettingsRepository.Change> changes = settings.save(next, stored.version(), by);
        if (!changes.isEmpty()) {
            notes.add("The show's settings were taken from the old feed (" + changes.size()
                    + " changed; see the change log in the settings).");
        }
        return notes;
    }

    /** Where the old feed's show differs from ours, for a later run: nothing is changed. */
    List<String> differences(OldShow old) {
        ShowSettings now = settings.load().settings();
        ShowSettings theirs = merged(now, old, now.artwork());
        List<String> notes = new ArrayList<>();
        compare(notes, "title", now.title(), theirs.title());
        compare(notes, "description", now.description(), theirs.description());
        compare(notes, "author", now.author(), theirs.author());
        compare(notes, "language", now.language(), theirs.language());
        compare(notes, "categories", now.categories(), theirs.categories());
        compare(notes, "explicit", now.explicit(), theirs.explicit());
        compare(notes, "type", now.type(), theirs.type());
        compare(notes, "podcast:guid", now.podcastGuid(), theirs.podcastGuid());
        return notes;
    }

    private static void compare(List<String> notes, String what, Object ours, Object theirs) {
        if (!Objects.equals(ours, theirs)) {
            notes.add("The old feed's " + what + " is " + theirs + "; the show's is " + ours
                    + " (kept; change it in the settings if you like).");
        }
    }

    private static ShowSettings merged(ShowSettings s, OldShow old, String artwork) {
        FeedInformationImpl itunes = old.itunes();
        PodcastChannel podcast = old.podcast();
        String description = old.description() != null
                ? ShowNotesHtml.toPlainText(ShowNotesHtml.sanitize(old.description()))
                : itunes.getSummary();
        List<ShowSettings.Category> categories = new ArrayList<>();
        for (Category c : itunes.getCategories()) {
            categories.add(new ShowSettings.Category(
                    c.getName(),
                    c.getSubcategory() == null ? null : c.getSubcategory().getName()));
        }
        ShowSettings.Owner owner = itunes.getOwnerEmailAddress() == null
                ? s.owner()
                : new ShowSettings.Owner(
                        or(
                                itunes.getOwnerName(),
                                s.owner() == null ? null : s.owner().name()),
                        itunes.getOwnerEmailAddress(),
                        s.owner() == null ? Boolean.FALSE : s.owner().hideEmail(),
                        s.owner() == null ? Boolean.FALSE : s.owner().hideLockedEmail());
        String guid = podcast != null && podcast.guid() != null
                ? podcast.guid()
                : PodcastGuid.forFeedUrl(old.feedUrl().toString()).toString();
        String type = itunes.getType() != null && List.of("episodic", "serial").contains(itunes.getType())
                ? itunes.getType()
                : s.type();
        return new ShowSettings(
                or(old.title(), s.title()),
                or(blankToNull(description), s.description()),
                or(itunes.getAuthor(), s.author()),
                or(language(old.language()), s.language()),
                categories.isEmpty() ? s.categories() : categories,
                itunes.getExplicitNullable() != null ? itunes.getExplicitNullable() : s.explicit(),
                type,
                owner,
                s.link(),
                or(artwork, s.artwork()),
                s.copyright(),
                s.timeZone(),
                podcast != null ? Boolean.valueOf(podcast.locked()) : s.locked(),
                s.block(),
                s.blockFrom(),
                s.complete(),
                s.newFeedUrl(),
                guid,
                s.medium(),
                podcast != null && !podcast.funding().isEmpty() ? podcast.funding() : s.funding(),
                podcast != null && !podcast.persons().isEmpty() ? podcast.persons() : s.persons(),
                s.location(),
                s.license(),
                s.txt(),
                s.updateFrequency(),
                s.spotify(),
                s.podroll(),
                s.value(),
                s.socialInteract(),
                s.op3());
    }

    /** The old show's artwork, stored beside artwork uploaded in the admin; null when there is none to use. */
    private String artwork(OldShow old, Downloads downloads, List<String> notes)
            throws IOException, InterruptedException {
        String url = old.itunes().getImageUri() != null ? old.itunes().getImageUri() : old.imageUrl();
        if (url == null) {
            return null;
        }
        try {
            Downloads.Downloaded image = downloads.fetch(url, MAX_ARTWORK_BYTES);
            try {
                byte[] bytes = Files.readAllBytes(image.file());
                String kind = ArtworkRules.kind(bytes);
                if (kind == null) {
                    notes.add("The old show artwork at " + url + " is not a JPEG or PNG image; upload artwork in"
                            + " the settings.");
                    return null;
                }
                try {
                    ArtworkRules.check(bytes);
                } catch (ArtworkRules.Broken broken) {
                    notes.add("The old show artwork was taken, but Apple would refuse it: " + broken.getMessage()
                            + " Upload better artwork in the settings.");
                }
                return settingFor.apply(ShowArtworks.store(artworkFolder, bytes, kind));
            } finally {
                Files.deleteIfExists(image.file());
            }
        } catch (Downloads.Failed e) {
            notes.add("The old show artwork at " + url + " could not be downloaded (" + e.getMessage() + ").");
            return null;
        }
    }

    /** "en-us" as Castkeeper writes it ("en-US"), or null when the feed names none. */
    private static String language(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String[] parts = raw.strip().replace('_', '-').split("-", 2);
        return parts.length == 1
                ? parts[0].toLowerCase(Locale.ROOT)
                : parts[0].toLowerCase(Locale.ROOT) + "-" + parts[1].toUpperCase(Locale.ROOT);
    }

    private static String or(String value, String otherwise) {
        return value == null || value.isBlank() ? otherwise : value;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
