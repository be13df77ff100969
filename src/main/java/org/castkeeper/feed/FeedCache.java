package org.castkeeper.feed;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.PublicationCache;

/**
 * The feed's bytes, built once per change of what is published and kept in memory with their gzip form and
 * validators. A request for an unchanged feed costs a map lookup.
 */
public final class FeedCache {
    private final PublicationCache publications;
    private final FeedBuilder builder;
    private final FeedWriter writer = new FeedWriter();
    private final Integer itemLimit;

    /** The pages written so far for one snapshot of what is published. */
    private record Built(Publication publication, Map<Integer, CachedFeed> pages) {
    }

    private volatile Built built;

    public FeedCache(PublicationCache publications, FeedBuilder builder, Integer itemLimit) {
        this.publications = publications;
        this.builder = builder;
        this.itemLimit = itemLimit;
    }

    /**
     * Page {@code number} when it is already written for what is published now, else null (not built yet, or the
     * catalogue must be asked first). Never blocks, so the network thread can answer with it.
     */
    public CachedFeed pageIfBuilt(int number) {
        Publication current = publications.currentIfKnown();
        return current == null ? null : written(current, number);
    }

    /** The page already written for {@code current}, or null; takes no lock. */
    private CachedFeed written(Publication current, int number) {
        Built snapshot = built;
        return snapshot != null && snapshot.publication() == current ? snapshot.pages().get(number) : null;
    }

    /** Page {@code number} (1 is /feed.xml), or empty when there is no such page. */
    public Optional<CachedFeed> page(int number) {
        Publication current = publications.current();
        // The common case, a page already written for this snapshot, takes no lock: thousands of polls a day
        // should not queue behind each other.
        CachedFeed written = written(current, number);
        if (written != null) {
            return Optional.of(written);
        }
        synchronized (this) {
            if (built == null || built.publication() != current) {
                built = new Built(current, new ConcurrentHashMap<>());
            }
            Map<Integer, CachedFeed> pages = built.pages();
            CachedFeed cached = pages.get(number);
            if (cached != null) {
                return Optional.of(cached);
            }
            FeedPage page = FeedPage.of(current.live(), itemLimit, number);
            if (page == null) {
                return Optional.empty();
            }
            cached = render(current, page);
            pages.put(number, cached);
            return Optional.of(cached);
        }
    }

    private CachedFeed render(Publication publication, FeedPage page) {
        byte[] xml = writer.write(builder.build(publication, page));
        return new CachedFeed(xml, gzip(xml), "\"" + sha256(xml).substring(0, 32) + "\"",
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
        try {
            return java.util.HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
