package org.castkeeper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Properties;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;

/**
 * The bucket's keys: given in the settings (or the environment), or read from a file that is read again whenever
 * it changes, so keys can be rotated without a restart. The file holds two lines:
 *
 * <pre>
 * accessKey=...
 * secretKey=...
 * </pre>
 */
public final class BucketCredentials implements AwsCredentialsProvider {
    private final AwsCredentials fixed;
    private final Path file;
    private volatile FileTime readAt;
    private volatile AwsCredentials fromFile;

    private BucketCredentials(AwsCredentials fixed, Path file) {
        this.fixed = fixed;
        this.file = file;
    }

    public static BucketCredentials of(String accessKey, String secretKey) {
        return new BucketCredentials(AwsBasicCredentials.create(accessKey, secretKey), null);
    }

    /** Keys read from {@code file}, and read again each time it changes. */
    public static BucketCredentials fromFile(Path file) {
        return new BucketCredentials(null, file);
    }

    @Override
    public AwsCredentials resolveCredentials() {
        if (fixed != null) {
            return fixed;
        }
        try {
            FileTime modified = Files.getLastModifiedTime(file);
            if (fromFile == null || !modified.equals(readAt)) {
                synchronized (this) {
                    Properties keys = new Properties();
                    try (InputStream in = Files.newInputStream(file)) {
                        keys.load(in);
                    }
                    String access = keys.getProperty("accessKey");
                    String secret = keys.getProperty("secretKey");
                    if (access == null || secret == null) {
                        throw new IllegalStateException("storage.s3.credentialsFile " + file
                                + " must hold the lines accessKey=... and secretKey=...");
                    }
                    fromFile = AwsBasicCredentials.create(access.strip(), secret.strip());
                    readAt = modified;
                }
            }
            return fromFile;
        } catch (IOException e) {
            throw new IllegalStateException("storage.s3.credentialsFile " + file + " cannot be read: " + e, e);
        }
    }
}
