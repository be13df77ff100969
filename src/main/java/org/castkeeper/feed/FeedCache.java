package org.castkeeper.feed;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.PublicationCache;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The feed's bytes, kept in memory with their gzip form and validators. A request for an unchanged feed costs a
 * map lookup; a change costs what changed ({@link FeedAssembler}).
 *
 * <p>Polls never wait for a rebuild: the first page is rebuilt on the thread that rebuilt the publication (see
 * {@link PublicationCache}), one rebuild at a time, and swapped in when complete. Until then every poll gets the
 * previous bytes with their own validators. Later pages (RFC 5005 archives, rarely polled) are made on first
 * request.
 */
public final class FeedCache {
    private static final Logger LOG = LoggerFactory.getLogger(FeedCache.class);

    private final PublicationCache publications;
    private final FeedAssembler assembler;

    /** One snapshot of what is published, and the pages made of it so far. */
    private record Built(FeedAssembler.Snapshot snapshot, Map<Integer, CachedFeed> pages) {}

    private volatile Built built;

    public FeedCache(PublicationCache publications, FeedBuilder builder, Integer itemLimit) {
        this.publications = publications;
        this.assembler = new FeedAssembler(builder, itemLimit);
        publications.onRebuild((previous, next) -> rebuilt(next));
    }

    /** A new snapshot of what is published: write what changed, make its first page, then serve it. */
    private void rebuilt(Publication next) {
        Built made;
        try {
            made = build(next);
        } catch (RuntimeException e) {
            LOG.warn("Could not write the feed; the previous one stays in service: {}", e.toString());
            return;
        }
        synchronized (this) {
            built = made;
        }
    }

    private Built build(Publication publication) {
        Built previous = built;
        FeedAssembler.Snapshot snapshot =
                assembler.snapshot(publication, previous == null ? null : previous.snapshot());
        Map<Integer, CachedFeed> pages = new ConcurrentHashMap<>();
        CachedFeed first = assembler.page(snapshot, 1);
        if (first != null) {
            pages.put(1, first);
        }
        return new Built(snapshot, pages);
    }

    /**
     * Page {@code number} as last written, else null (nothing written yet, or a page not written since the last
     * change). When what is published may have changed, a rebuild is asked for in the background and this
     * request still gets the page as it was. Never blocks, so the network thread can answer with it.
     */
    public CachedFeed pageIfBuilt(int number) {
        Built current = built;
        publications.latest();
        return current == null ? null : current.pages().get(number);
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
                built = build(cold);
            }
            Built current = built;
            return Optional.ofNullable(
                    current.pages().computeIfAbsent(number, n -> assembler.page(current.snapshot(), n)));
        }
    }

    /** How many items were written, over how many snapshots, since the start: what changes cost. */
    public record Work(long itemsWritten, long rebuilds) {}

    public Work work() {
        FeedAssembler.Work work = assembler.work();
        return new Work(work.itemsWritten(), work.snapshots());
    }
}
