package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.DataFormatException;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import org.castkeeper.catalogue.ChangeStamp;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.config.ShowSettings;
import org.castkeeper.testing.Fixtures;
import org.junit.jupiter.api.Test;

/**
 * A feed assembled from parts is byte for byte the feed Rome writes whole, its gzip form is one valid gzip member,
 * and a change writes only the items it touched.
 */
class FeedAssemblerTest {
    private static final Instant T = Instant.parse("2026-11-16T07:00:00Z");
    private static final FeedUrls URLS = new FeedUrls("https://podcast.example.org", "show-0123456789.jpg");
    private static final ShowSettings SHOW = show();
    private final FeedBuilder builder = new FeedBuilder(URLS);

    private static ShowSettings show() {
        try {
            return ConfigLoader.load(Fixtures.resource("feeds/full.yml"), java.util.Map.of())
                    .show();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aPageJoinedFromPartsIsTheWholeFeedByteForByte() throws Exception {
        List<Episode> live = episodes(70);
        Publication publication = publication(live, SHOW);
        FeedAssembler assembler = new FeedAssembler(builder, null);

        CachedFeed page = assembler.page(assembler.snapshot(publication, null), 1);

        byte[] whole = new FeedWriter().write(builder.build(publication, FeedPage.of(live, null, 1)));
        assertThat(page.xml()).isEqualTo(whole);
        assertThat(oneGzipMember(page.gzip())).isEqualTo(whole);
        assertThat(gunzip(page.gzip())).isEqualTo(whole);
    }

    @Test
    void namespacesOnlyItemsUseAreDeclaredAsRomeDeclaresThem() throws Exception {
        // Chapters (psc) and notes (content) appear only in items: the frame must declare them all the same.
        List<Episode> live = List.of(
                FeedGoldenTest.episode(2, "With chapters", "<p>Notes</p>", T)
                        .chapters(List.of(new Chapter(0, null, "Start", null)))
                        .build(),
                FeedGoldenTest.episode(1, "Plain", "", T.minusSeconds(60)).build());
        Publication publication = publication(live, SHOW);
        FeedAssembler assembler = new FeedAssembler(builder, null);

        CachedFeed page = assembler.page(assembler.snapshot(publication, null), 1);

        byte[] whole = new FeedWriter().write(builder.build(publication, FeedPage.of(live, null, 1)));
        assertThat(new String(page.xml(), java.nio.charset.StandardCharsets.UTF_8))
                .contains("xmlns:psc=")
                .contains("xmlns:content=")
                .isEqualTo(new String(whole, java.nio.charset.StandardCharsets.UTF_8));
    }

    @Test
    void anEditWritesOneItemAndTheFeedStaysWhole() throws Exception {
        List<Episode> live = new ArrayList<>(episodes(100));
        FeedAssembler assembler = new FeedAssembler(builder, null);
        FeedAssembler.Snapshot first = assembler.snapshot(publication(live, SHOW), null);
        CachedFeed before = assembler.page(first, 1);
        assertThat(assembler.work().itemsWritten()).isEqualTo(100);

        live.set(40, live.get(40).withTitle("Edited title"));
        Publication edited = publication(live, SHOW);
        FeedAssembler.Snapshot second = assembler.snapshot(edited, first);
        CachedFeed after = assembler.page(second, 1);

        assertThat(assembler.work().itemsWritten()).isEqualTo(101);
        byte[] whole = new FeedWriter().write(builder.build(edited, FeedPage.of(live, null, 1)));
        assertThat(after.xml()).isEqualTo(whole);
        assertThat(oneGzipMember(after.gzip())).isEqualTo(whole);
        assertThat(after.etag()).isNotEqualTo(before.etag());
    }

    @Test
    void theSameContentGivesTheSameValidatorAndAShowChangeRewritesEveryItem() throws Exception {
        List<Episode> live = episodes(10);
        FeedAssembler assembler = new FeedAssembler(builder, null);
        FeedAssembler.Snapshot first = assembler.snapshot(publication(live, SHOW), null);
        FeedAssembler.Snapshot again = assembler.snapshot(publication(live, SHOW), first);
        assertThat(assembler.page(again, 1).etag())
                .isEqualTo(assembler.page(first, 1).etag());
        assertThat(assembler.work().itemsWritten()).isEqualTo(10);

        // Every item takes the show's explicit flag when it has none of its own.
        ShowSettings explicit = org.castkeeper.config.ShowJson.with(
                SHOW, "explicit", String.valueOf(!Boolean.TRUE.equals(SHOW.explicit())));
        Publication changed = publication(live, explicit);
        CachedFeed page = assembler.page(assembler.snapshot(changed, again), 1);

        assertThat(assembler.work().itemsWritten()).isEqualTo(20);
        assertThat(page.xml()).isEqualTo(new FeedWriter().write(builder.build(changed, FeedPage.of(live, null, 1))));
    }

    @Test
    void everyPageOfAPagedFeedIsWholeToo() throws Exception {
        List<Episode> live = episodes(75);
        Publication publication = publication(live, SHOW);
        FeedAssembler assembler = new FeedAssembler(builder, 30);
        FeedAssembler.Snapshot snapshot = assembler.snapshot(publication, null);

        for (int number = 1; number <= 3; number++) {
            byte[] whole = new FeedWriter().write(builder.build(publication, FeedPage.of(live, 30, number)));
            CachedFeed page = assembler.page(snapshot, number);
            assertThat(page.xml()).as("page %d", number).isEqualTo(whole);
            assertThat(oneGzipMember(page.gzip())).as("page %d", number).isEqualTo(whole);
        }
        assertThat(assembler.page(snapshot, 4)).isNull();
    }

    @Test
    void aFeedWithNoEpisodesIsWhole() throws Exception {
        Publication publication = publication(List.of(), SHOW);
        FeedAssembler assembler = new FeedAssembler(builder, null);
        CachedFeed page = assembler.page(assembler.snapshot(publication, null), 1);
        byte[] whole = new FeedWriter().write(builder.build(publication, FeedPage.of(List.of(), null, 1)));
        assertThat(page.xml()).isEqualTo(whole);
        assertThat(oneGzipMember(page.gzip())).isEqualTo(whole);
    }

    private static List<Episode> episodes(int n) {
        List<Episode> live = new ArrayList<>();
        for (int i = n; i >= 1; i--) {
            Episode.Editor e = FeedGoldenTest.episode(
                    i,
                    "Episode " + i + " & more",
                    i % 3 == 0 ? "" : "<p>Notes " + i + "</p>",
                    T.plusSeconds(i * 3600L));
            if (i % 7 == 0) {
                e.chapters(List.of(
                        new Chapter(0, null, "Welcome", null),
                        new Chapter(60_000, null, "Part two", "https://example.org/" + i)));
            }
            if (i % 5 == 0) {
                e.explicit(Boolean.TRUE);
            }
            live.add(e.build());
        }
        return live;
    }

    private static Publication publication(List<Episode> live, ShowSettings show) {
        return new Publication(show, live, T, Instant.ofEpochMilli(Long.MAX_VALUE), ChangeStamp.NONE);
    }

    private static byte[] gunzip(byte[] gzip) throws IOException {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(gzip))) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads {@code gzip} as exactly one gzip member, as zlib does without looking for another: the header, one
     * DEFLATE stream to its final block, then the CRC-32 and length of what it held, and nothing after.
     */
    private static byte[] oneGzipMember(byte[] gzip) throws DataFormatException {
        assertThat(Arrays.copyOf(gzip, 4)).containsExactly(0x1f, 0x8b, 8, 0);
        Inflater inflater = new Inflater(true);
        inflater.setInput(gzip, 10, gzip.length - 10);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        while (!inflater.finished()) {
            int n = inflater.inflate(buffer);
            assertThat(n > 0 || !inflater.needsInput())
                    .as("the stream ends before its final block")
                    .isTrue();
            out.write(buffer, 0, n);
        }
        assertThat(inflater.getRemaining())
                .as("the trailer and nothing after it")
                .isEqualTo(8);
        byte[] text = out.toByteArray();
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(text);
        int at = gzip.length - 8;
        long storedCrc = (gzip[at] & 0xffL)
                | (gzip[at + 1] & 0xffL) << 8
                | (gzip[at + 2] & 0xffL) << 16
                | (gzip[at + 3] & 0xffL) << 24;
        long storedLength = (gzip[at + 4] & 0xffL)
                | (gzip[at + 5] & 0xffL) << 8
                | (gzip[at + 6] & 0xffL) << 16
                | (gzip[at + 7] & 0xffL) << 24;
        assertThat(storedCrc).isEqualTo(crc.getValue());
        assertThat(storedLength).isEqualTo(text.length);
        inflater.end();
        return text;
    }
}
