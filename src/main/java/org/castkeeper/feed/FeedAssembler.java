package org.castkeeper.feed;

import java.io.ByteArrayOutputStream;
import java.security.MessageDigest;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.feed.FeedParts.ItemPart;
import org.castkeeper.media.ContentHash;
import org.jdom2.Namespace;

/**
 * Makes feed pages at the cost of what changed since the last ones.
 *
 * <p>Each episode's {@code <item>} is written once, when the episode or what it takes from the show changes, and
 * kept as bytes ({@link FeedParts}). A page's items are grouped into runs of {@value #RUN} counted from the oldest,
 * so a new episode at the top leaves every other run as it was; each run keeps its compressed form (made with the
 * run before it as the dictionary, so an edit recompresses its run and the next), its length, CRC-32 and SHA-256.
 * A page is its frame (written anew: it holds the build date and the paging links) and its runs, joined into one
 * gzip stream ({@link GzipJoin}) whose checksum is combined from the runs', with an ETag hashed from the runs'
 * hashes: no item's bytes are read again for a page. The XML itself is joined only when someone asks for it
 * uncompressed.
 *
 * <p>Not thread-safe for {@link #snapshot}: {@link FeedCache} makes one snapshot at a time. Pages of a snapshot
 * may be made from any thread.
 */
final class FeedAssembler {
    /** Items per compressed run: small enough that an edit recompresses little, large enough to compress well. */
    static final int RUN = 32;

    private final FeedParts parts;
    private final Integer itemLimit;
    /** Compressed runs by the items they hold, shared by every snapshot; pruned at each snapshot. */
    private final Map<RunKey, Run> runs = new ConcurrentHashMap<>();

    private final AtomicLong itemsWritten = new AtomicLong();
    private final AtomicLong snapshots = new AtomicLong();

    /** @param itemLimit items per page (RFC 5005 paging), or null for one page with every episode */
    FeedAssembler(FeedBuilder builder, Integer itemLimit) {
        this.parts = new FeedParts(builder);
        this.itemLimit = itemLimit;
    }

    /** The items written for one snapshot of what is published. */
    record Snapshot(Publication publication, Map<Integer, ItemPart> items) {}

    /**
     * Consecutive items, compressed as one part of the gzip stream, with what a page needs of their text: its
     * length, CRC-32 and SHA-256, and the namespaces its items use.
     */
    private record Run(byte[] deflated, long length, long crc32, byte[] sha256, Set<Namespace> namespaces) {}

    /**
     * A run's items, by which writing of each item they are (see {@link ItemPart#serial()}), and those of the run
     * before it, whose text is the dictionary the run was compressed with.
     */
    private record RunKey(long[] serials, long[] before) {
        @Override
        public boolean equals(Object o) {
            return o instanceof RunKey other
                    && Arrays.equals(serials, other.serials)
                    && Arrays.equals(before, other.before);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(serials) + Arrays.hashCode(before);
        }

        @Override
        public String toString() {
            return Arrays.toString(serials) + " after " + Arrays.toString(before);
        }
    }

    /** How many items have been written, over how many snapshots: what a change cost, for tests and benchmarks. */
    record Work(long itemsWritten, long snapshots) {}

    Work work() {
        return new Work(itemsWritten.get(), snapshots.get());
    }

    /**
     * The items of {@code publication}, written anew only where the episode or its inputs differ from
     * {@code previous}'s (null: write them all).
     */
    Snapshot snapshot(Publication publication, Snapshot previous) {
        Map<Integer, ItemPart> known = previous == null ? Map.of() : previous.items();
        FeedBuilder.ItemInputs inputs = parts.inputs(publication.show());
        Map<Integer, ItemPart> items = new HashMap<>(publication.live().size() * 2);
        List<Episode> changed = new ArrayList<>();
        for (Episode e : publication.live()) {
            ItemPart part = known.get(e.id());
            if (part != null
                    && part.inputs().equals(inputs)
                    && (part.episode() == e || part.episode().equals(e))) {
                items.put(e.id(), part);
            } else {
                changed.add(e);
            }
        }
        for (ItemPart part : parts.items(publication, changed)) {
            items.put(part.episode().id(), part);
        }
        itemsWritten.addAndGet(changed.size());
        snapshots.incrementAndGet();
        return new Snapshot(publication, items);
    }

    /** Page {@code number} of the snapshot, or null when there is no such page. */
    CachedFeed page(Snapshot snapshot, int number) {
        FeedPage page = FeedPage.of(snapshot.publication().live(), itemLimit, number);
        if (page == null) {
            return null;
        }
        Set<RunKey> inUse = new HashSet<>();
        CachedFeed made = page(snapshot, page, inUse);
        if (number == 1) {
            // Runs of the first page are what the next snapshot can reuse; later pages' runs are made again.
            runs.keySet().retainAll(inUse);
        }
        return made;
    }

    /** Joins a page from its frame and its items' runs, compressing only the runs not already compressed. */
    private CachedFeed page(Snapshot snapshot, FeedPage page, Set<RunKey> inUse) {
        List<ItemPart> items = new ArrayList<>(page.items().size());
        for (Episode e : page.items()) {
            items.add(snapshot.items().get(e.id()));
        }
        List<Run> pageRuns = runs(items, inUse);
        Set<Namespace> namespaces = new HashSet<>();
        for (Run run : pageRuns) {
            namespaces.addAll(run.namespaces());
        }
        FeedParts.Frame frame = parts.frame(snapshot.publication(), page, namespaces);

        // The checksum, length and ETag from the frame and each run's own: no item's bytes are read again.
        long crc = crc32(frame.head());
        MessageDigest etag = ContentHash.digest();
        long length = frame.head().length;
        List<byte[]> deflated = new ArrayList<>(pageRuns.size() + 2);
        etag.update(frame.head());
        deflated.add(GzipJoin.part(frame.head()));
        for (Run run : pageRuns) {
            crc = GzipJoin.crc32Combine(crc, run.crc32(), run.length());
            length += run.length();
            etag.update(run.sha256());
            deflated.add(run.deflated());
        }
        crc = GzipJoin.crc32Combine(crc, crc32(frame.tail()), frame.tail().length);
        length += frame.tail().length;
        etag.update(frame.tail());
        deflated.add(GzipJoin.lastPart(frame.tail()));
        long total = length;
        return new CachedFeed(
                () -> join(frame, items, total),
                length,
                GzipJoin.join(deflated, crc, length),
                "\"" + HexFormat.of().formatHex(etag.digest()).substring(0, 32) + "\"",
                snapshot.publication().lastModified().truncatedTo(ChronoUnit.SECONDS));
    }

    /**
     * The page's items in runs of {@link #RUN}, counted from the last (oldest) item so that a new episode at the
     * top changes only the first run; each run compressed once and then found again by the items it holds.
     */
    private List<Run> runs(List<ItemPart> items, Set<RunKey> inUse) {
        List<Run> made = new ArrayList<>(items.size() / RUN + 1);
        int first = items.size() % RUN == 0 ? Math.min(RUN, items.size()) : items.size() % RUN;
        long[] before = new long[0];
        List<ItemPart> previous = List.of();
        for (int from = 0, to = first; from < items.size(); from = to, to = Math.min(items.size(), to + RUN)) {
            List<ItemPart> some = items.subList(from, to);
            long[] serials = new long[some.size()];
            for (int i = 0; i < serials.length; i++) {
                serials[i] = some.get(i).serial();
            }
            RunKey key = new RunKey(serials, before);
            inUse.add(key);
            List<ItemPart> dictionary = previous;
            made.add(runs.computeIfAbsent(key, k -> compress(some, text(dictionary))));
            before = serials;
            previous = some;
        }
        return made;
    }

    /**
     * A run compressed with the run before it as the dictionary: in the joined stream that text comes just before,
     * so back-references into it are what any gzip reader resolves, and repeated markup across runs compresses as
     * it would in one stream. (The first run has none: the frame before it changes at every rebuild.)
     */
    private static Run compress(List<ItemPart> items, byte[] before) {
        byte[] bytes = text(items);
        Set<Namespace> namespaces = new HashSet<>();
        for (ItemPart item : items) {
            namespaces.addAll(item.namespaces());
        }
        return new Run(
                GzipJoin.part(bytes, before),
                bytes.length,
                crc32(bytes),
                ContentHash.digest().digest(bytes),
                Set.copyOf(namespaces));
    }

    private static long crc32(byte[] bytes) {
        CRC32 crc = new CRC32();
        crc.update(bytes);
        return crc.getValue();
    }

    private static byte[] text(List<ItemPart> items) {
        ByteArrayOutputStream text = new ByteArrayOutputStream();
        for (ItemPart item : items) {
            text.writeBytes(item.xml());
        }
        return text.toByteArray();
    }

    private static byte[] join(FeedParts.Frame frame, List<ItemPart> items, long length) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(Math.toIntExact(length));
        out.writeBytes(frame.head());
        for (ItemPart item : items) {
            out.writeBytes(item.xml());
        }
        out.writeBytes(frame.tail());
        return out.toByteArray();
    }
}
