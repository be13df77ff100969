package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import java.util.zip.CRC32;
import org.junit.jupiter.api.Test;

class GzipJoinTest {
    private static long crc32(byte[] bytes, int from, int to) {
        CRC32 crc = new CRC32();
        crc.update(bytes, from, to - from);
        return crc.getValue();
    }

    @Test
    void combinedChecksumsAreTheChecksumOfTheTextsOneAfterTheOther() {
        Random random = new Random(18);
        byte[] text = new byte[1 << 20];
        random.nextBytes(text);
        int[] cuts = {0, 1, 2, 31, 32, 33, 4096, 65_537, 500_000, text.length - 1, text.length};
        for (int cut : cuts) {
            long combined =
                    GzipJoin.crc32Combine(crc32(text, 0, cut), crc32(text, cut, text.length), text.length - cut);
            assertThat(combined).as("cut at %d", cut).isEqualTo(crc32(text, 0, text.length));
        }
    }

    @Test
    void manyRunsCombinedOneByOneGiveTheWholeChecksum() {
        Random random = new Random(2026);
        byte[] text = new byte[200_000];
        random.nextBytes(text);
        long crc = crc32(text, 0, 0);
        int at = 0;
        while (at < text.length) {
            int next = Math.min(text.length, at + 1 + random.nextInt(9_000));
            crc = GzipJoin.crc32Combine(crc, crc32(text, at, next), next - at);
            at = next;
        }
        assertThat(crc).isEqualTo(crc32(text, 0, text.length));
    }
}
