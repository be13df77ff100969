package org.castkeeper.feedimport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.rometools.rome.feed.rss.Channel;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.config.ShowJson;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.feed.ChaptersController;
import org.castkeeper.feed.FeedBuilder;
import org.castkeeper.feed.FeedPage;
import org.castkeeper.feed.FeedUrls;
import org.castkeeper.feed.FeedWriter;
import org.castkeeper.media.MediaStore;
import org.castkeeper.media.ShowArtwork;

/**
 * Everything a show needs to move out, in one folder (castkeeper export DIR): {@code feed.xml} with every live
 * episode on one page, its enclosures and images at BASE + their path (or {@code file:} URLs of the folder), the
 * media under {@code media/}, the show artwork under {@code artwork/}, each episode's chapters under
 * {@code episodes/SLUG/chapters.json}, and {@code catalogue.json} with every episode, drafts included. Served as
 * it is at BASE, it is a feed another host (or another Castkeeper) can import with its guids, dates and files.
 *
 * <p>The show's podcast:guid and podcast:locked stay as they are: the show is the same show, and importing a
 * locked feed takes the owner's say-so anywhere. Files already in the folder with the right size are kept, so an
 * export cut short can run again.
 */
public final class ShowExport {
    private static final ObjectMapper JSON = new ObjectMapper()
            .findAndRegisterModules()
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    private final EpisodeRepository episodes;
    private final MediaStore media;
    private final Supplier<ShowSettings> show;
    private final Supplier<ShowArtwork> showArtwork;
    private final Supplier<String> podcastGuid;
    private final Clock clock;

    /** What went into the folder. */
    public record Summary(int episodes, int inFeed, int files, long bytes, String feedUrl) {}

    /** @param podcastGuid the show's podcast:guid as our feed gives it now */
    public ShowExport(
            EpisodeRepository episodes,
            MediaStore media,
            Supplier<ShowSettings> show,
            Supplier<ShowArtwork> showArtwork,
            Supplier<String> podcastGuid,
            Clock clock) {
        this.episodes = episodes;
        this.media = media;
        this.show = show;
        this.showArtwork = showArtwork;
        this.podcastGuid = podcastGuid;
        this.clock = clock;
    }

    /**
     * @param base where the folder will be served, e.g. https://new-host.example.org/show; null for file: URLs
     */
    public Summary export(Path dir, String base) throws IOException {
        Files.createDirectories(dir);
        String root = base != null
                ? base.strip().replaceAll("/+$", "")
                : dir.toAbsolutePath().toUri().toString().replaceAll("/+$", "");
        ShowArtwork artwork = showArtwork.get();
        FeedUrls urls = new FeedUrls(root, artwork == null ? "none" : artwork.publicName());
        // The guid the show has now: an export served elsewhere must not make a new one from its new address.
        ShowSettings settings = ShowJson.with(show.get(), "podcastGuid", podcastGuid.get());
        List<Episode> all = episodes.all();
        List<Episode> live = episodes.live(clock.instant());
        Publication publication = new Publication(settings, live, clock.instant(), null, episodes.changeStamp());

        int files = 0;
        long bytes = 0;
        for (Episode e : all) {
            for (String name : e.files()) {
                long copied = copy(name, dir.resolve("media").resolve(name));
                files++;
                bytes += copied;
            }
        }
        for (Episode e : live) {
            if (!e.chapters().isEmpty()) {
                write(
                        dir.resolve("episodes").resolve(e.slug()).resolve("chapters.json"),
                        JSON.writeValueAsBytes(ChaptersController.toJson(e)));
            }
        }
        if (artwork != null) {
            Path target = dir.resolve("artwork").resolve(artwork.publicName());
            makeParent(target);
            Files.copy(artwork.file(), target, StandardCopyOption.REPLACE_EXISTING);
            files++;
        }
        Channel channel = new FeedBuilder(urls).build(publication, new FeedPage(1, 1, live));
        write(dir.resolve("feed.xml"), new FeedWriter().write(channel));
        write(dir.resolve("catalogue.json"), JSON.writeValueAsBytes(catalogue(settings, all)));
        return new Summary(all.size(), live.size(), files, bytes, urls.feed());
    }

    private ObjectNode catalogue(ShowSettings settings, List<Episode> all) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.set("show", JSON.readTree(ShowJson.write(settings)));
        ArrayNode list = root.putArray("episodes");
        for (Episode e : all) {
            ObjectNode node = JSON.valueToTree(e);
            List<String> files = new ArrayList<>();
            for (String name : e.files()) {
                files.add("media/" + name);
            }
            node.set("files", JSON.valueToTree(files));
            list.add(node);
        }
        return root;
    }

    /** Copies a stored file unless a copy of the same size is there already; returns its size. */
    private long copy(String name, Path target) throws IOException {
        Optional<MediaStore.Stat> stat = media.stat(name);
        if (stat.isEmpty()) {
            throw new IOException(
                    "the media store has no file " + name + ", which an episode uses; run" + " castkeeper doctor");
        }
        long size = stat.get().size();
        if (Files.isRegularFile(target) && Files.size(target) == size) {
            return size;
        }
        makeParent(target);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        try (InputStream in = media.read(name, 0, size)) {
            Files.copy(in, partial, StandardCopyOption.REPLACE_EXISTING);
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(partial);
        }
        return size;
    }

    private static void makeParent(Path target) throws IOException {
        Path parent = target.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
    }

    private static void write(Path target, byte[] bytes) throws IOException {
        makeParent(target);
        Path partial = target.resolveSibling(target.getFileName() + ".part");
        Files.write(partial, bytes);
        Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
