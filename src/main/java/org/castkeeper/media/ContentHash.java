package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.function.LongConsumer;

/** SHA-256 of a file, streamed: the catalogue's test for "this audio is already here", and backups' check. */
public final class ContentHash {
    private ContentHash() {}

    public static String sha256(Path file) throws IOException {
        return sha256(file, done -> {});
    }

    public static String sha256(Path file, LongConsumer bytesDone) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            return sha256(in, bytesDone);
        }
    }

    /** SHA-256 of everything {@code in} yields, streamed; {@code bytesDone} hears how far it has got. */
    public static String sha256(InputStream in, LongConsumer bytesDone) throws IOException {
        MessageDigest digest = digest();
        byte[] buffer = new byte[64 * 1024];
        long done = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            digest.update(buffer, 0, n);
            done += n;
            bytesDone.accept(done);
        }
        return HexFormat.of().formatHex(digest.digest());
    }

    /** SHA-256 of bytes in memory (artwork, transcripts), as lower-case hex. */
    public static String sha256(byte[] bytes) {
        return HexFormat.of().formatHex(digest().digest(bytes));
    }

    /** A fresh SHA-256 digest, for hashing bytes while they are copied (backups). */
    public static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
