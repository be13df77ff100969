package org.castkeeper.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.PublicationCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's bytes, built once per change of what is published and kept in memory with their gzip form and
 * validators. A request for an unchanged feed costs a map lookup.
 *
 * <p>Polls never wait for a rebuild: the first page is rendered on the thread that rebuilt the publication (see
 * {@link PublicationCache}), one rebuild at a time, and swapped in when complete. Until then every poll gets the
 * previous bytes with their own validators. Later pages (RFC 5005 archives, rarely polled) are rendered on first
 * request.
 */
public final class FeedCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCache.class);

    private final PublicationCache publications;
    private final FeedBuilder builder;
    private final FeedWriter writer = new FeedWriter();
    private final Integer itemLimit;

    /** The pages written so far for one snapshot of what is published. */
    private record Built(Publication publication, Map<Integer, CachedFeed> pages) {}

    private volatile Built built;

    public FeedCache(PublicationCache publications, FeedBuilder builder, Integer itemLimit) {
        this.publications = publications;
        this.builder = builder;
        this.itemLimit = itemLimit;
        publications.onRebuild((previous, next) -> rebuilt(next));
    }

    /** A new snapshot of what is published: write its first page, then serve it. */
    private void rebuilt(Publication next) {
        Map<Integer, CachedFeed> pages = new ConcurrentHashMap<>();
        try {
            FeedPage first = FeedPage.of(next.live(), itemLimit, 1);
            pages.put(1, render(next, first));
        } catch (RuntimeException e) {
            LOG.warn("Could not write the feed; the previous one stays in service: {}", e.toString());
            return;
        }
        synchronized (this) {
            built = new Built(next, pages);
        }
    }

    /**
     * Page {@code number} as last written, else null (nothing written yet, or a page not written since the last
     * change). When what is published may have changed, a rebuild is asked for in the background and this
     * request still gets the page as it was. Never blocks, so the network thread can answer with it.
     */
    public CachedFeed pageIfBuilt(int number) {
        Built snapshot = built;
        publications.latest();
        return snapshot == null ? null : snapshot.pages().get(number);
    }

    /** True once the first page has been written: the feed can be served without the database. */
    public boolean isBuilt() {
        return built != null;
    }

    /** Page {@code number} (1 is /feed.xml), or empty when there is no such page. May wait on the database. */
    public Optional<CachedFeed> page(int number) {
        CachedFeed ready = pageIfBuilt(number);
        if (ready != null) {
            return Optional.of(ready);
        }
        // Outside this object's lock: a rebuild takes the publication's lock and then this one, never the reverse.
        Publication cold = built == null ? publications.current() : null;
        synchronized (this) {
            if (built == null) {
                built = new Built(cold, new ConcurrentHashMap<>());
            }
            Built snapshot = built;
            CachedFeed cached = snapshot.pages().get(number);
            if (cached != null) {
                return Optional.of(cached);
            }
            FeedPage page = FeedPage.of(snapshot.publication().live(), itemLimit, number);
            if (page == null) {
                return Optional.empty();
            }
            cached = render(snapshot.publication(), page);
            snapshot.pages().put(number, cached);
            return Optional.of(cached);
        }
    }

    private CachedFeed render(Publication publication, FeedPage page) {
        byte[] xml = writer.write(builder.build(publication, page));
        return new CachedFeed(
                xml,
                gzip(xml),
                "\"" + sha256(xml).substring(0, 32) + "\"",
                publication.lastModified().truncatedTo(ChronoUnit.SECONDS));
    }

    static byte[] gzip(byte[] bytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 4 + 64);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static String sha256(byte[] bytes) {
        return org.castkeeper.media.ContentHash.sha256(bytes);
    }
}
