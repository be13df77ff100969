package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where episodes' audio, artwork and transcripts live, by the names the catalogue stores (relative, with "/"
 * between folders, e.g. "sleep-and-stress-3f9a1c0b2e.mp3" or "artwork/1a2b.jpg"). {@link MediaFolder} keeps them
 * in a local folder, {@code storage.BucketStore} in an S3-compatible bucket. Every implementation runs the same contract
 * (MediaStoreContract in the tests):
 *
 * <ul>
 *   <li>a write is atomic: nothing is visible under a name until all of it is stored, and a failed write leaves
 *       nothing a {@link #list} or {@link #stat} can see;</li>
 *   <li>a name that would leave the store ("..", an absolute path, a backslash, a NUL) is refused by every method;</li>
 *   <li>names derive from content, so a name that is already stored with the same size is that content: storing
 *       it again adopts it instead of writing twice.</li>
 * </ul>
 */
public interface MediaStore extends AutoCloseable {

    /** What the store knows of a stored file without reading it. */
    /**
     * @param type the MIME type the file's stored name says (Castkeeper names files after their sniffed content:
     *             ".mp3" audio/mpeg, ".m4a" audio/x-m4a, ".jpg", ".png", ".vtt", ".srt", ".json", ".html", ".txt"), application/octet-stream otherwise
     */
    record Stat(long size, Instant modified, String type) {}

    /**
     * The {@code n}th name to try for {@code name} when it is taken by other content: the name itself for 1, then
     * "-2", "-3" ... before the extension of its last part ("show.mp3", "show-2.mp3"; "a.b/notes", "a.b/notes-2").
     */
    static String variant(String name, int n) {
        if (n == 1) {
            return name;
        }
        int slash = name.lastIndexOf('/');
        int dot = name.lastIndexOf('.');
        return dot > slash + 1 ? name.substring(0, dot) + "-" + n + name.substring(dot) : name + "-" + n;
    }

    /** The MIME type a stored name stands for (see {@link Stat#type}). */
    static String typeOf(String name) {
        String lower = name.toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".mp3")) {
            return "audio/mpeg";
        }
        if (lower.endsWith(".m4a")) {
            return "audio/x-m4a";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".vtt")) {
            return "text/vtt";
        }
        if (lower.endsWith(".srt")) {
            return "application/x-subrip";
        }
        if (lower.endsWith(".json")) {
            return "application/json";
        }
        if (lower.endsWith(".html")) {
            return "text/html";
        }
        if (lower.endsWith(".txt")) {
            return "text/plain";
        }
        return "application/octet-stream";
    }

    /**
     * The SHA-256 of the stored file, read whole: for checks (backups, the doctor), never per request.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is stored under {@code name}
     */
    default String sha256(String name) throws IOException {
        try (InputStream in = read(name, 0, Long.MAX_VALUE)) {
            return ContentHash.sha256(in, done -> {});
        }
    }

    /** Whether {@code name} is a name this store accepts (inside it, no escaping). */
    boolean accepts(String name);

    /** Stores a copy of the local file {@code source} (only read) as {@code name}; returns the name stored under. */
    String storeCopy(Path source, String name) throws IOException;

    /** As {@link #storeCopy}, taking the local file (a finished upload) instead of copying it. */
    String storeMove(Path source, String name) throws IOException;

    /**
     * Streams {@code content} into the store as {@code name}, replacing nothing: a name already taken by other
     * content gets a free variant, which is returned. Nothing is visible until the stream has ended.
     */
    String write(String name, InputStream content) throws IOException;

    /** Stores {@code bytes} under exactly {@code name} unless something is there already (content-named art). */
    String writeIfAbsent(byte[] bytes, String name) throws IOException;

    /** Size and time of a stored file; empty when there is none (or the name is refused). */
    Optional<Stat> stat(String name) throws IOException;

    /**
     * {@code length} bytes of the stored file from {@code offset} (fewer at its end), for byte-range requests.
     *
     * @throws java.nio.file.NoSuchFileException when nothing is stored under {@code name}
     */
    InputStream read(String name, long offset, long length) throws IOException;

    /** Every stored name, in no particular order, without the partial files of writes under way. */
    List<String> list() throws IOException;

    /**
     * The stored file on this machine's disk, for stores that keep one (the folder): the media endpoint then sends
     * it with memory-mapped reads. Empty when there is none here, or the name is refused; a remote store (a
     * bucket behind a CDN) always answers empty, and its files are fetched by {@link #read} or from its own URL.
     */
    Optional<Path> localFile(String name);

    /**
     * Takes {@code name} out of the store's public files (it is no longer listed, stat'ed or served) and keeps it
     * aside until {@link #purgeRetired}: a replaced or deleted episode's file, kept for storage.retainDays.
     *
     * @return whether there was a file to retire
     */
    boolean retire(String name) throws IOException;

    /** Deletes for good a file {@link #retire} kept aside; returns whether there was one. */
    boolean purgeRetired(String name) throws IOException;

    /**
     * Whether the files are on this machine's disk ({@link #localFile} finds them): the media endpoint then
     * answers small requests on the network thread. A bucket answers false, and every request for its bytes is
     * a call to it, made on a worker thread.
     */
    default boolean isLocal() {
        return true;
    }

    /** Whether {@link #retire} keeps a file aside under {@code name}, waiting for {@link #purgeRetired}. */
    boolean keepsRetired(String name) throws IOException;

    /**
     * A write that began and has not finished: a partial file in the folder, a multipart upload in a bucket.
     *
     * @param bytes how much has arrived, or -1 where the store cannot tell without asking per part
     */
    record Unfinished(String name, long bytes, Instant lastTouched) {}

    /** The writes under way or cut off (by a crash, a stop, a lost connection), oldest first. */
    List<Unfinished> unfinished() throws IOException;

    /**
     * Clears the unfinished writes last touched before {@code before}, which nobody can still be finishing:
     * the folder deletes its partial files, a bucket aborts its multipart uploads. Returns those it cleared.
     */
    List<Unfinished> clearUnfinished(Instant before) throws IOException;

    /**
     * How long an unfinished write may stand untouched before it counts as abandoned: longer than any upload
     * or import may stall (a folder's partial file grows as bytes arrive; a bucket's multipart upload is only
     * started once the whole file is spooled here, and a big one takes a while to send).
     */
    java.time.Duration abandonedAfter();

    /** Removes what is stored under {@code name}, if anything. */
    void delete(String name) throws IOException;

    /** Lets go of what the store holds open (a bucket's connections); the folder holds nothing. */
    @Override
    default void close() {}
}
