package org.castkeeper.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Random;
import org.castkeeper.media.ContentHash;
import org.castkeeper.media.MediaStore;
import org.castkeeper.testing.S3Proxy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the bucket store does beyond the contract, on S3Proxy: it refuses to start on a wrong endpoint, a missing
 * bucket or refused keys, each in one line naming the setting; large files go up in parts and come back whole;
 * objects carry their type; retired files leave the public prefix; keys in a credentials file are re-read when
 * they change; abandoned multipart uploads are aborted.
 */
class BucketStoreIT {
    @TempDir
    Path dir;

    private static BucketStore.Settings settings(S3Proxy proxy, String bucket, BucketCredentials keys) {
        return new BucketStore.Settings(proxy.endpoint(), "us-east-1", bucket, "media/", true, keys);
    }

    private static BucketCredentials keys() {
        return BucketCredentials.of(S3Proxy.ACCESS_KEY, S3Proxy.SECRET_KEY);
    }

    @Test
    void aWrongEndpointAMissingBucketOrRefusedKeysStopAtStartInOneLine() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        int nothing;
        try (ServerSocket free = new ServerSocket(0)) {
            nothing = free.getLocalPort();
        }
        assertThatThrownBy(() -> BucketStore.open(
                        new BucketStore.Settings("http://127.0.0.1:" + nothing, "us-east-1", "any", "", true, keys()),
                        dir))
                .isInstanceOf(BucketStore.Unusable.class)
                .hasMessageStartingWith("storage.s3.endpoint: http://127.0.0.1:" + nothing + " cannot be reached");
        assertThatThrownBy(() -> BucketStore.open(settings(proxy, "no-such-bucket", keys()), dir))
                .isInstanceOf(BucketStore.Unusable.class)
                .hasMessage(
                        "storage.s3.bucket: there is no bucket named \"no-such-bucket\" at " + proxy.endpoint() + ".");
        String bucket = proxy.newBucket();
        assertThatThrownBy(() -> BucketStore.open(
                        settings(proxy, bucket, BucketCredentials.of(S3Proxy.ACCESS_KEY, "wrong")), dir))
                .isInstanceOf(BucketStore.Unusable.class)
                .hasMessageStartingWith("storage.s3.accessKey / secretKey: " + proxy.endpoint() + " refused the keys");
    }

    @Test
    void aLargeFileGoesUpInPartsAndComesBackWholeWithItsType() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        Path big = dir.resolve("big.mp3");
        byte[] block = new byte[1 << 20];
        new Random(1).nextBytes(block);
        try (OutputStream out = Files.newOutputStream(big)) {
            for (int i = 0; i < 37; i++) {
                out.write(block);
            }
        }
        try (BucketStore store = BucketStore.open(settings(proxy, bucket, keys()), dir.resolve("spool"))) {
            assertThat(store.storeCopy(big, "episode-big.mp3")).isEqualTo("episode-big.mp3");
            assertThat(store.sha256("episode-big.mp3")).isEqualTo(ContentHash.sha256(Files.readAllBytes(big)));
            try (S3Client s3 = proxy.client()) {
                var head = s3.headObject(b -> b.bucket(bucket).key("media/episode-big.mp3"));
                assertThat(head.contentLength()).isEqualTo(37L << 20);
                assertThat(head.contentType()).isEqualTo("audio/mpeg");
                assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads())
                        .isEmpty();
            }
            try (InputStream range = store.read("episode-big.mp3", (16L << 20) - 1, 2)) {
                assertThat(range.readAllBytes()).hasSize(2);
            }
        }
    }

    @Test
    void aRetiredFileLeavesThePublicPrefix() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        try (BucketStore store = BucketStore.open(settings(proxy, bucket, keys()), dir);
                S3Client s3 = proxy.client()) {
            store.writeIfAbsent(new byte[] {1, 2, 3}, "old.mp3");
            assertThat(store.retire("old.mp3")).isTrue();
            assertThat(s3.listObjectsV2(b -> b.bucket(bucket)).contents())
                    .extracting(o -> o.key())
                    .containsExactly("retired/media/old.mp3");
        }
    }

    @Test
    void keysInACredentialsFileAreReadAgainWhenTheyChange() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        Path file = dir.resolve("keys.properties");
        Files.writeString(file, "accessKey=" + S3Proxy.ACCESS_KEY + "\nsecretKey=" + S3Proxy.SECRET_KEY + "\n");
        try (BucketStore store =
                BucketStore.open(settings(proxy, bucket, BucketCredentials.fromFile(file)), dir.resolve("spool"))) {
            store.writeIfAbsent(new byte[] {1}, "a.vtt");
            // Rotated to keys the service does not know: refused from the next request on, without a restart.
            Files.writeString(file, "accessKey=rotated\nsecretKey=rotated-secret\n");
            Files.setLastModifiedTime(
                    file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(5)));
            assertThatThrownBy(() -> store.writeIfAbsent(new byte[] {2}, "b.vtt"))
                    .isInstanceOf(java.io.IOException.class);
            // And back: served again.
            Files.writeString(file, "accessKey=" + S3Proxy.ACCESS_KEY + "\nsecretKey=" + S3Proxy.SECRET_KEY + "\n");
            Files.setLastModifiedTime(
                    file, java.nio.file.attribute.FileTime.from(Instant.now().plusSeconds(10)));
            store.writeIfAbsent(new byte[] {2}, "b.vtt");
            assertThat(store.list()).containsExactlyInAnyOrder("a.vtt", "b.vtt");
        }
    }

    @Test
    void multipartUploadsLeftUnfinishedAreAborted() throws Exception {
        S3Proxy proxy = S3Proxy.shared();
        String bucket = proxy.newBucket();
        try (BucketStore store = BucketStore.open(settings(proxy, bucket, keys()), dir);
                S3Client s3 = proxy.client()) {
            s3.createMultipartUpload(b -> b.bucket(bucket).key("media/abandoned.mp3"));
            assertThat(store.unfinished())
                    .singleElement()
                    .satisfies(u -> assertThat(u.name()).isEqualTo("abandoned.mp3"));
            assertThat(store.clearUnfinished(Instant.now().minus(store.abandonedAfter())))
                    .as("begun just now: not abandoned")
                    .isEmpty();
            assertThat(store.clearUnfinished(Instant.now().plusSeconds(60)))
                    .extracting(MediaStore.Unfinished::name)
                    .containsExactly("abandoned.mp3");
            assertThat(s3.listMultipartUploads(b -> b.bucket(bucket)).uploads()).isEmpty();
            assertThat(store.list()).isEmpty();
        }
    }
}
