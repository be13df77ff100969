package org.castkeeper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.castkeeper.media.MediaStore;
import org.castkeeper.media.StoreUnavailable;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.CompletedMultipartUpload;
import software.amazon.awssdk.services.s3.model.CompletedPart;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;
import software.amazon.awssdk.services.s3.model.MultipartUpload;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Media in an S3-compatible bucket (AWS S3, Cloudflare R2, Backblaze B2, MinIO, Garage ...), through the AWS SDK for
 * Java v2. The store's names are object keys under {@code prefix}; retired files are kept under {@code retired/}
 * (before the prefix), outside the public names.
 *
 * <p>How it keeps {@link MediaStore}'s promises where S3 differs from a folder:
 *
 * <ul>
 *   <li><b>Atomic writes</b>: an object is visible only once its PUT (or its multipart upload's completion)
 *       succeeds; a stream is spooled to a local file first, so a broken stream uploads nothing, and a multipart
 *       upload that fails is aborted.</li>
 *   <li><b>No exclusive create</b> on every S3-compatible service: the name is looked up (HEAD) before it is
 *       written. Names derive from the content (its hash), so two writers racing for one name carry the same
 *       bytes, and the loser's write changes nothing; a name held by other content gets a free variant, as in
 *       the folder.</li>
 *   <li><b>No rename</b>: retiring copies the object under {@code retired/} and then deletes it; a crash between
 *       the two leaves the file both served and kept, and retiring it again finishes the job.</li>
 * </ul>
 *
 * <p>Request checksums are sent and response checksums checked only when the operation requires them
 * ({@code WHEN_REQUIRED}): the SDK's default CRC32 trailers are refused by many S3-compatible services.
 */
public final class BucketStore implements MediaStore, AutoCloseable {
    /** Files above this go up as a multipart upload, in parts of {@link #PART_BYTES}. */
    static final long MULTIPART_ABOVE = 16L * 1024 * 1024;

    static final int PART_BYTES = 8 * 1024 * 1024;
    private static final String RETIRED = "retired/";

    /**
     * Where the bucket is and how to sign in to it (storage.s3 in feed-config.yml).
     *
     * @param endpoint  the service's URL, e.g. https://s3.eu-central-1.amazonaws.com
     * @param prefix    the folder inside the bucket for the media ("" for the bucket's root), ending in "/"
     * @param pathStyle bucket in the path (MinIO, S3Proxy, Garage) instead of in the host name
     */
    public record Settings(
            String endpoint,
            String region,
            String bucket,
            String prefix,
            boolean pathStyle,
            BucketCredentials credentials) {

        public Settings {
            prefix = prefix == null || prefix.isBlank() ? "" : (prefix.endsWith("/") ? prefix : prefix + "/");
            region = region == null || region.isBlank() ? "us-east-1" : region;
        }
    }

    /** The bucket cannot be used: which setting is wrong, in one line. */
    public static final class Unusable extends Exception {
        Unusable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    private final S3Client s3;
    private final Settings settings;
    private final Path spool;

    private BucketStore(S3Client s3, Settings settings, Path spool) {
        this.s3 = s3;
        this.settings = settings;
        this.spool = spool;
    }

    /**
     * Opens the bucket and checks it answers: a wrong endpoint, a missing bucket or refused keys stop here with
     * one line that names the setting.
     *
     * @param spool a local folder for streams on their way up (under storage.data)
     */
    public static BucketStore open(Settings settings, Path spool) throws Unusable {
        S3Client s3 = S3Client.builder()
                .endpointOverride(URI.create(settings.endpoint()))
                .region(Region.of(settings.region()))
                .forcePathStyle(settings.pathStyle())
                .credentialsProvider(settings.credentials())
                .httpClient(UrlConnectionHttpClient.builder()
                        .connectionTimeout(java.time.Duration.ofSeconds(10))
                        .socketTimeout(java.time.Duration.ofSeconds(60))
                        .build())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED)
                .build();
        try {
            Files.createDirectories(spool);
            s3.headBucket(b -> b.bucket(settings.bucket()));
        } catch (S3Exception e) {
            s3.close();
            throw new Unusable(refusal(settings, e), e);
        } catch (SdkClientException e) {
            s3.close();
            throw new Unusable(
                    "storage.s3.endpoint: " + settings.endpoint() + " cannot be reached (" + rootCause(e) + ").", e);
        } catch (IOException e) {
            s3.close();
            throw new Unusable("The upload spool " + spool + " cannot be made: " + e.getMessage(), e);
        }
        return new BucketStore(s3, settings, spool);
    }

    private static String refusal(Settings settings, S3Exception e) {
        int status = e.statusCode();
        if (status == 404) {
            return "storage.s3.bucket: there is no bucket named \"" + settings.bucket() + "\" at " + settings.endpoint()
                    + ".";
        }
        if (status == 401 || status == 403) {
            return "storage.s3.accessKey / secretKey: " + settings.endpoint() + " refused the keys for bucket \""
                    + settings.bucket() + "\" (" + status + ").";
        }
        return "storage.s3: " + settings.endpoint() + " answered " + status + " for bucket \"" + settings.bucket()
                + "\".";
    }

    /**
     * An IOException for a failed call: {@link StoreUnavailable} when the service is unreachable or answers 5xx
     * (try again later), a plain one otherwise.
     */
    private static IOException failure(String message, SdkException e) {
        boolean away = e instanceof SdkClientException || (e instanceof S3Exception s && s.statusCode() >= 500);
        String words = message + ": " + rootCause(e);
        return away ? new StoreUnavailable(words, e) : new IOException(words, e);
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    /** The bucket's settings (for the doctor and the README's checks). */
    public Settings settings() {
        return settings;
    }

    @Override
    public boolean accepts(String name) {
        if (name == null || name.isEmpty() || name.indexOf('\0') >= 0 || name.contains("\\") || name.startsWith("/")) {
            return false;
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.equals(".") || part.equals("..")) {
                return false;
            }
        }
        // With no prefix, retired files share the bucket's root: no public name may reach into them.
        return !(settings.prefix().isEmpty() && name.startsWith(RETIRED));
    }

    private String key(String name) throws IOException {
        if (!accepts(name)) {
            throw new IOException("not a name inside the media store: " + name);
        }
        return settings.prefix() + name;
    }

    private String retiredKey(String name) {
        return RETIRED + settings.prefix() + name;
    }

    @Override
    public String storeCopy(Path source, String name) throws IOException {
        return store(source, name, false);
    }

    @Override
    public String storeMove(Path source, String name) throws IOException {
        return store(source, name, true);
    }

    private String store(Path source, String name, boolean move) throws IOException {
        key(name);
        long size = Files.size(source);
        Optional<Stat> there = stat(name);
        String target;
        if (there.isEmpty()) {
            target = name;
            upload(source, target, size);
        } else if (there.get().size() == size) {
            // Names derive from the content: the same name and size is this content, left by an earlier run.
            target = name;
        } else {
            target = freeName(name, 2); // the name itself was just seen taken
            upload(source, target, size);
        }
        if (move) {
            Files.deleteIfExists(source);
        }
        return target;
    }

    /** The first of {@code name}'s variants from the {@code from}th ({@link MediaStore#variant}) nothing is under. */
    private String freeName(String name, int from) throws IOException {
        for (int n = from; ; n++) {
            String candidate = MediaStore.variant(name, n);
            if (stat(candidate).isEmpty()) {
                return candidate;
            }
        }
    }

    /**
     * How long one attempt at sending a file or a part may take. The socket timeout only covers waiting for an
     * answer: a service that stops reading what is sent would hold the upload (and the host's request) forever.
     * Ten minutes lets 16 MiB through a link of 30 KB/s.
     */
    static final java.time.Duration SENDING_LIMIT = java.time.Duration.ofMinutes(10);

    private void upload(Path source, String name, long size) throws IOException {
        String key = key(name);
        String type = MediaStore.typeOf(name);
        try {
            if (size <= MULTIPART_ABOVE) {
                s3.putObject(
                        b -> b.bucket(settings.bucket())
                                .key(key)
                                .contentType(type)
                                .overrideConfiguration(o -> o.apiCallAttemptTimeout(SENDING_LIMIT)),
                        RequestBody.fromFile(source));
                return;
            }
            multipart(source, key, type, size);
        } catch (SdkException e) {
            throw failure("The bucket did not take " + name, e);
        }
    }

    /**
     * A large file in parts of {@link #PART_BYTES}, each read from the file as it is sent (and read again if the
     * SDK retries it), never whole in memory; the upload is aborted when any part fails.
     */
    private void multipart(Path source, String key, String type, long size) throws IOException {
        String upload = s3.createMultipartUpload(
                        b -> b.bucket(settings.bucket()).key(key).contentType(type))
                .uploadId();
        boolean done = false;
        try {
            List<CompletedPart> parts = new ArrayList<>();
            int number = 1;
            for (long offset = 0; offset < size; offset += PART_BYTES, number++) {
                long length = Math.min(PART_BYTES, size - offset);
                long from = offset;
                int partNumber = number;
                RequestBody body = RequestBody.fromContentProvider(
                        () -> {
                            try {
                                var channel = java.nio.channels.FileChannel.open(source);
                                channel.position(from);
                                return new org.castkeeper.media.BoundedInputStream(
                                        java.nio.channels.Channels.newInputStream(channel), length);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        },
                        length,
                        type);
                String etag = s3.uploadPart(
                                b -> b.bucket(settings.bucket())
                                        .key(key)
                                        .uploadId(upload)
                                        .partNumber(partNumber)
                                        .contentLength(length)
                                        .overrideConfiguration(o -> o.apiCallAttemptTimeout(SENDING_LIMIT)),
                                body)
                        .eTag();
                parts.add(CompletedPart.builder()
                        .partNumber(partNumber)
                        .eTag(etag)
                        .build());
            }
            s3.completeMultipartUpload(b -> b.bucket(settings.bucket())
                    .key(key)
                    .uploadId(upload)
                    .multipartUpload(
                            CompletedMultipartUpload.builder().parts(parts).build()));
            done = true;
        } finally {
            if (!done) {
                try {
                    s3.abortMultipartUpload(
                            b -> b.bucket(settings.bucket()).key(key).uploadId(upload));
                } catch (SdkException ignored) {
                    // Left for clearUnfinished, which the server's housekeeping runs hourly.
                }
            }
        }
    }

    @Override
    public String write(String name, InputStream content) throws IOException {
        key(name);
        // Spooled first: the length must be known before an upload starts, and a stream that breaks half-way
        // must leave nothing in the bucket.
        Path spooled = Files.createTempFile(spool, ".incoming-", ".part");
        try {
            try (var out = Files.newOutputStream(spooled)) {
                content.transferTo(out);
            }
            String target = freeName(name, 1);
            upload(spooled, target, Files.size(spooled));
            return target;
        } finally {
            Files.deleteIfExists(spooled);
        }
    }

    @Override
    public String writeIfAbsent(byte[] bytes, String name) throws IOException {
        String key = key(name);
        if (stat(name).isPresent()) {
            return name;
        }
        try {
            s3.putObject(
                    b -> b.bucket(settings.bucket()).key(key).contentType(MediaStore.typeOf(name)),
                    RequestBody.fromBytes(bytes));
        } catch (SdkException e) {
            throw failure("The bucket did not take " + name, e);
        }
        return name;
    }

    @Override
    public Optional<Stat> stat(String name) throws IOException {
        if (!accepts(name)) {
            return Optional.empty();
        }
        return head(key(name)).map(h -> new Stat(h.contentLength(), h.lastModified(), MediaStore.typeOf(name)));
    }

    private Optional<HeadObjectResponse> head(String key) throws IOException {
        try {
            return Optional.of(s3.headObject(b -> b.bucket(settings.bucket()).key(key)));
        } catch (NoSuchKeyException e) {
            return Optional.empty();
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                return Optional.empty();
            }
            throw failure("The bucket did not answer for " + key, e);
        } catch (SdkException e) {
            throw failure("The bucket did not answer for " + key, e);
        }
    }

    @Override
    public InputStream read(String name, long offset, long length) throws IOException {
        String key = key(name);
        if (length <= 0) {
            return InputStream.nullInputStream();
        }
        String range = length == Long.MAX_VALUE || offset + length < 0
                ? "bytes=" + offset + "-"
                : "bytes=" + offset + "-" + (offset + length - 1);
        try {
            ResponseInputStream<GetObjectResponse> in =
                    s3.getObject(b -> b.bucket(settings.bucket()).key(key).range(range));
            return in;
        } catch (NoSuchKeyException e) {
            throw new NoSuchFileException(name);
        } catch (S3Exception e) {
            if (e.statusCode() == 404) {
                throw new NoSuchFileException(name);
            }
            if (e.statusCode() == 416) {
                return InputStream.nullInputStream(); // past the end: nothing to send
            }
            throw failure("The bucket did not send " + name, e);
        } catch (SdkException e) {
            throw failure("The bucket did not send " + name, e);
        }
    }

    @Override
    public List<String> list() throws IOException {
        List<String> names = new ArrayList<>();
        try {
            for (S3Object o : s3.listObjectsV2Paginator(
                            b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
                    .contents()) {
                String name = o.key().substring(settings.prefix().length());
                if (!name.isEmpty() && accepts(name)) {
                    names.add(name);
                }
            }
        } catch (SdkException e) {
            throw failure("The bucket did not list its files", e);
        }
        return names;
    }

    @Override
    public Optional<Path> localFile(String name) {
        return Optional.empty(); // nothing of a bucket is on this disk
    }

    @Override
    public boolean isLocal() {
        return false;
    }

    @Override
    public boolean retire(String name) throws IOException {
        if (!accepts(name) || stat(name).isEmpty()) {
            return false;
        }
        String key = key(name);
        try {
            s3.copyObject(b -> b.sourceBucket(settings.bucket())
                    .sourceKey(key)
                    .destinationBucket(settings.bucket())
                    .destinationKey(retiredKey(name)));
            s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            throw failure("The bucket did not retire " + name, e);
        }
        return true;
    }

    @Override
    public boolean purgeRetired(String name) throws IOException {
        if (!accepts(name) || head(retiredKey(name)).isEmpty()) {
            return false;
        }
        try {
            s3.deleteObject(b -> b.bucket(settings.bucket()).key(retiredKey(name)));
        } catch (SdkException e) {
            throw failure("The bucket did not delete the retired " + name, e);
        }
        return true;
    }

    @Override
    public void delete(String name) throws IOException {
        if (!accepts(name)) {
            return;
        }
        String key = key(name);
        try {
            s3.deleteObject(b -> b.bucket(settings.bucket()).key(key));
        } catch (SdkException e) {
            throw failure("The bucket did not delete " + name, e);
        }
    }

    @Override
    public boolean keepsRetired(String name) throws IOException {
        return accepts(name) && head(retiredKey(name)).isPresent();
    }

    /** The multipart uploads begun under the prefix and neither completed nor aborted, oldest first. */
    @Override
    public List<Unfinished> unfinished() throws IOException {
        List<Unfinished> found = new ArrayList<>();
        for (MultipartUpload u : uploads()) {
            found.add(unfinished(u));
        }
        found.sort(java.util.Comparator.comparing(Unfinished::lastTouched));
        return found;
    }

    /**
     * Aborts the multipart uploads started before {@code before} and never finished (a server stopped
     * mid-upload). Their parts are billed until then, and no listing or stat ever shows them.
     */
    @Override
    public List<Unfinished> clearUnfinished(java.time.Instant before) throws IOException {
        List<Unfinished> aborted = new ArrayList<>();
        try {
            for (MultipartUpload u : uploads()) {
                if (u.initiated() != null && u.initiated().isBefore(before)) {
                    s3.abortMultipartUpload(
                            b -> b.bucket(settings.bucket()).key(u.key()).uploadId(u.uploadId()));
                    aborted.add(unfinished(u));
                }
            }
        } catch (SdkException e) {
            throw failure("The bucket did not abort an unfinished upload", e);
        }
        return aborted;
    }

    private List<MultipartUpload> uploads() throws IOException {
        try {
            List<MultipartUpload> uploads = new ArrayList<>();
            s3.listMultipartUploadsPaginator(b -> b.bucket(settings.bucket()).prefix(settings.prefix()))
                    .uploads()
                    .forEach(uploads::add);
            return uploads;
        } catch (SdkException e) {
            throw failure("The bucket did not list its unfinished uploads", e);
        }
    }

    private Unfinished unfinished(MultipartUpload u) {
        return new Unfinished(
                u.key().substring(Math.min(settings.prefix().length(), u.key().length())),
                -1,
                u.initiated() != null ? u.initiated() : java.time.Instant.EPOCH);
    }

    /**
     * A multipart upload only shows when it began, not when its last part arrived, and an instance may be
     * sending a file of several gigabytes: a day, as the issue that asked for the bucket put it.
     */
    @Override
    public java.time.Duration abandonedAfter() {
        return java.time.Duration.ofDays(1);
    }

    @Override
    public void close() {
        s3.close();
    }
}
