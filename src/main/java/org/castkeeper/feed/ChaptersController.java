package org.castkeeper.feed;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Optional;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.PublicationCache;

/**
 * GET /episodes/{slug}/chapters.json: the episode's chapters in the Podcasting 2.0 JSON chapters format
 * (version 1.2.0), which podcast:chapters points to.
 */
public final class ChaptersController {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final PublicationCache publications;

    public ChaptersController(PublicationCache publications) {
        this.publications = publications;
    }

    public void get(Context ctx) throws Exception {
        var published = publications.current();
        Optional<Episode> episode = published.bySlug(ctx.pathParam("slug"));
        if (episode.isEmpty() && published.wasDeleted(ctx.pathParam("slug"))) {
            ctx.status(HttpStatus.GONE).result("This episode was deleted.");
            return;
        }
        if (episode.isEmpty() || episode.get().chapters().isEmpty()) {
            ctx.status(HttpStatus.NOT_FOUND).result("Not found");
            return;
        }
        ctx.contentType("application/json+chapters; charset=utf-8");
        ctx.header("Cache-Control", FeedController.CACHE_CONTROL);
        ctx.result(JSON.writeValueAsBytes(toJson(episode.get())));
    }

    public static ObjectNode toJson(Episode episode) {
        ObjectNode root = JSON.createObjectNode();
        root.put("version", "1.2.0");
        ArrayNode chapters = root.putArray("chapters");
        for (Chapter c : episode.chapters()) {
            ObjectNode node = chapters.addObject();
            node.put("startTime", Seconds.fromMillis(c.startMillis()));
            if (c.endMillis() != null) {
                node.put("endTime", Seconds.fromMillis(c.endMillis()));
            }
            node.put("title", XmlText.clean(c.title()));
            if (c.url() != null) {
                node.put("url", c.url());
            }
        }
        return root;
    }
}
