package org.castkeeper.admin.episodes;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.HttpStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Formats;
import org.castkeeper.admin.shared.Pages;
import org.castkeeper.admin.shared.UploadReceiver;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.castkeeper.config.ServerSettings;
import org.castkeeper.importing.EpisodeImporter;
import org.castkeeper.importing.ImportResult;

/** The episode list with its search, and uploads of new episodes. */
public final class EpisodeListController {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EpisodeListController.class);
    static final int PAGE_SIZE = 50;

    private final EpisodeRepository episodes;
    private final EpisodeImporter importer;
    private final Clock clock;
    private final Supplier<ZoneId> zone;
    private final ServerSettings server;
    private final UploadReceiver uploads;

    public EpisodeListController(
            EpisodeRepository episodes,
            EpisodeImporter importer,
            Clock clock,
            Supplier<ZoneId> zone,
            ServerSettings server,
            UploadReceiver uploads) {
        this.episodes = episodes;
        this.importer = importer;
        this.clock = clock;
        this.zone = zone;
        this.server = server;
        this.uploads = uploads;
    }

    /** This controller's routes under /admin, each with the access it needs (AdminRoutes registers them). */
    public List<AdminRoute> routes() {
        return List.of(
                new AdminRoute(HandlerType.GET, "/admin", Access.HOST, this::list),
                new AdminRoute(HandlerType.PUT, "/admin/upload", Access.HOST, this::upload));
    }

    void list(Context ctx) {
        String asked = ctx.queryParam("q");
        String query = asked == null ? "" : asked.strip();
        int page = Math.max(1, parse(ctx.queryParam("page")));
        EpisodeRepository.Page found = episodes.page(query, (page - 1) * PAGE_SIZE, PAGE_SIZE);
        int pages = Math.max(1, (found.total() + PAGE_SIZE - 1) / PAGE_SIZE);
        Instant now = clock.instant();
        ZoneId zone = this.zone.get();
        var rows = found.episodes().stream()
                .map(e -> new EpisodesPage.Row(
                        e.id(),
                        e.title(),
                        e.stateAt(now).code(),
                        Formats.dateTime(e.publishAt() != null ? e.publishAt() : e.createdAt(), zone),
                        Formats.duration(e.audio().durationSeconds()),
                        Formats.size(e.audio().sizeBytes())))
                .toList();
        Pages.render(
                ctx,
                "admin/episodes.jte",
                new EpisodesPage(
                        AdminSecurity.session(ctx).csrfToken(),
                        query,
                        page,
                        pages,
                        found.total(),
                        rows,
                        server.uploadLimitBytes(),
                        server.uploadLimitMb() + " MB",
                        "deleted".equals(ctx.queryParam("done"))
                                ? "Deleted. It is gone from the feed; its identity will " + "never be used again."
                                : null));
    }

    /** PUT /admin/upload?name=FILE.mp3 (or .m4a) with the file as the body. Answers JSON for the upload script. */
    void upload(Context ctx) throws Exception {
        String name = ctx.queryParam("name");
        if (name == null || !org.castkeeper.importing.FolderImport.isAudioName(name)) {
            ctx.status(HttpStatus.BAD_REQUEST)
                    .json(Map.of("error", "Choose an MP3 or M4A file (its name ends in .mp3 or .m4a)."));
            return;
        }
        Path received = uploads.receiveOrAnswer(ctx);
        if (received == null) {
            return;
        }
        try {
            ImportResult result = importer.importUpload(received, name);
            switch (result.outcome()) {
                case IMPORTED -> {
                    Episode e = result.episode();
                    LOG.info(
                            "{} uploaded {} as episode {} \"{}\" ({} bytes{})",
                            AdminSecurity.session(ctx).user().username(),
                            name,
                            e.id(),
                            e.title(),
                            e.audio().sizeBytes(),
                            result.warnings().isEmpty() ? "" : ", with warnings");
                    ctx.status(HttpStatus.CREATED)
                            .json(Map.of(
                                    "id",
                                    e.id(),
                                    "title",
                                    e.title(),
                                    "edit",
                                    "/admin/episodes/" + e.id(),
                                    "warnings",
                                    result.warnings()));
                }
                case ALREADY_CATALOGUED ->
                    ctx.status(HttpStatus.CONFLICT)
                            .json(Map.of(
                                    "error",
                                    "This audio is already in the catalogue as \""
                                            + result.episode().title() + "\".",
                                    "edit",
                                    "/admin/episodes/" + result.episode().id()));
                case REJECTED, USED_BEFORE, NOT_PUBLISHED, PUBLISHED ->
                    ctx.status(HttpStatus.UNPROCESSABLE_CONTENT).json(Map.of("error", result.reason()));
            }
        } finally {
            Files.deleteIfExists(received);
        }
    }

    private static int parse(String value) {
        try {
            return value == null ? 1 : Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
