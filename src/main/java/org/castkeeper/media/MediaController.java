package org.castkeeper.media;

import java.io.IOException;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.Publication;
import org.castkeeper.catalogue.PublicationCache;
import org.castkeeper.http.Exchange;
import org.castkeeper.http.HttpCaching;

/**
 * Serves episode audio, episode artwork and transcripts under /media/, as podcatchers and directories fetch them:
 * GET and HEAD, single byte ranges (including suffix ranges), 416, If-Range, ETag and Last-Modified, exact
 * Content-Length. Files are streamed through pooled 64 KiB buffers, never read whole.
 *
 * <p>A request is answered only for a file that a live episode references: the path is looked up in the published
 * catalogue first, so drafts, unpublished episodes and any other file in (or outside) the store are a 404. The
 * bytes come from the {@link MediaStore}: a file on this machine is sent with memory-mapped reads, a file in a
 * bucket is streamed from it on a worker thread; behind a CDN (storage.mediaBaseUrl) the answer is a 302 there.
 */
public final class MediaController {
    /** The largest range answered on the network thread (see {@link #answersAtOnce}). */
    private static final long SMALL = 64 * 1024;

    private final PublicationCache publications;
    private final LocalFiles files;
    private final MediaStore store;
    /** Where listeners fetch the bytes (storage.mediaBaseUrl, ending in "/"), or null: they are sent from here. */
    private final String mediaBaseUrl;

    private static final Exchange.Header NO_STORE = Exchange.field("Cache-Control", "no-store");
    private final MediaHeaders headers = new MediaHeaders();
    private final java.util.function.Supplier<ShowArtwork> showArtwork;
    private final java.time.Duration retention;
    private final java.time.Clock clock;
    private final MediaRequests requests;

    /**
     * @param showArtwork the show's artwork as the settings name it now (null when there is none)
     * @param retention   how long a replaced file's URL redirects to its successor (storage.retainDays)
     * @param requests    told of each episode download answered with bytes (analytics)
     */
    public MediaController(
            PublicationCache publications,
            MediaStore store,
            java.util.function.Supplier<ShowArtwork> showArtwork,
            java.time.Duration retention,
            java.time.Clock clock,
            MediaRequests requests) {
        this(publications, store, showArtwork, retention, clock, requests, null);
    }

    /** @param mediaBaseUrl where listeners fetch the bytes (a CDN), or null to send them from here */
    public MediaController(
            PublicationCache publications,
            MediaStore store,
            java.util.function.Supplier<ShowArtwork> showArtwork,
            java.time.Duration retention,
            java.time.Clock clock,
            MediaRequests requests,
            String mediaBaseUrl) {
        this.mediaBaseUrl = mediaBaseUrl == null || mediaBaseUrl.isBlank()
                ? null
                : (mediaBaseUrl.endsWith("/") ? mediaBaseUrl : mediaBaseUrl + "/");
        this.requests = requests;
        this.publications = publications;
        this.files = new LocalFiles(store);
        this.store = store;
        this.showArtwork = showArtwork;
        this.retention = retention;
        this.clock = clock;
    }

    /** GET or HEAD /media/{path}. */
    public void serveMedia(Exchange exchange, String path) throws IOException {
        // The last good snapshot, refreshed in the background: media keeps answering while the database is away.
        Publication published = publications.latestOrLoad();
        Optional<Episode> episode = published.byAudioPath(path);
        if (episode.isEmpty() && !published.isPublicFile(path)) {
            Optional<org.castkeeper.catalogue.RetiredFile> retired = published.retired(path);
            if (retired.isPresent()) {
                replaced(exchange, published, retired.get());
            } else {
                exchange.text(404, "Not found");
            }
            return;
        }
        if (mediaBaseUrl != null) {
            redirectToCdn(exchange, path, episode);
            return;
        }
        // A small answer may use a stat up to a second old; a download, and Castkeeper's own check of its media
        // (which is there to find a file gone from disk), never do.
        boolean secondOld =
                isSmall(exchange.isHead() ? "HEAD" : "GET", exchange.header("Range"), exchange.header("If-None-Match"))
                        && !MediaRequests.OWN_CHECK_USER_AGENT.equals(exchange.header("User-Agent"));
        Optional<LocalFiles.Found> file = files.find(path, secondOld);
        if (file.isEmpty()) {
            exchange.text(404, "Not found");
            return;
        }
        if (episode.isPresent()) {
            // The content hash: the same on every instance, and it changes exactly when the audio does.
            int episodeId = episode.get().id();
            // Told before the bytes go: once the client has them, the request must already be on its way to
            // the record (a client's next step may be to read the count).
            send(
                    exchange,
                    path,
                    file.get(),
                    episode.get().audio().mimeType(),
                    episode.get().audio().sha256(),
                    sent -> {
                        String agent = exchange.header("User-Agent");
                        if (!exchange.isHead()
                                && !isProbe(sent.length())
                                && !MediaRequests.OWN_CHECK_USER_AGENT.equals(agent)) {
                            requests.served(new MediaRequests.Served(
                                    episodeId,
                                    clock.instant(),
                                    exchange.clientAddress(),
                                    agent,
                                    exchange.header("Referer"),
                                    sent.start(),
                                    sent.start() + sent.length() - 1,
                                    sent.length() == sent.size(),
                                    sent.status(),
                                    sent.size()));
                        }
                    });
        } else {
            send(exchange, path, file.get(), typeOf(path, published), null, sent -> {});
        }
    }

    /**
     * Behind a CDN (storage.mediaBaseUrl): the catalogue has said the name is public, and the bytes are fetched
     * from the CDN. A temporary redirect that nothing may cache ({@code no-store}): the CDN caches the bytes,
     * never the redirect, so every play reaches Castkeeper and is counted; a 301 would be remembered for good and
     * pin the CDN's address into apps. The download is told as asked (no range: the whole file), since its bytes
     * never pass through here.
     */
    private void redirectToCdn(Exchange exchange, String path, Optional<Episode> episode) {
        exchange.header("Location", mediaBaseUrl + MediaUrls.encodePath(path)).header(NO_STORE);
        if (episode.isPresent() && !exchange.isHead()) {
            String agent = exchange.header("User-Agent");
            long size = episode.get().audio().sizeBytes();
            ByteRange asked = ByteRange.parse(exchange.header("Range"), size);
            long length = asked == null || asked == ByteRange.UNSATISFIABLE ? size : asked.length();
            if (!MediaRequests.OWN_CHECK_USER_AGENT.equals(agent)
                    && asked != ByteRange.UNSATISFIABLE
                    && !isProbe(length)) {
                long first = asked == null ? 0 : asked.first();
                requests.served(new MediaRequests.Served(
                        episode.get().id(),
                        clock.instant(),
                        exchange.clientAddress(),
                        agent,
                        exchange.header("Referer"),
                        first,
                        first + length - 1,
                        length == size,
                        302,
                        size));
            }
        }
        exchange.text(302, "The file is at " + mediaBaseUrl + MediaUrls.encodePath(path));
    }

    /**
     * A request for two bytes or fewer: Apple's {@code bytes=0-1} and the like, which ask whether the file is there
     * and takes ranges. The IAB guidelines say such probes are not downloads, and no merging of ranges could make
     * two bytes one minute of audio, so they are not recorded at all: Apple sends one before nearly every play, and
     * a database row for each cost the server a fifth of what answering them does.
     */
    private static boolean isProbe(long length) {
        return length <= 2;
    }

    /**
     * A file the episode no longer uses: while it is kept (storage.retainDays), a permanent redirect to the file
     * that took its place, so an app that saved the old URL still plays the episode; after that, 410 Gone.
     */
    private void replaced(Exchange exchange, Publication published, org.castkeeper.catalogue.RetiredFile retired) {
        Optional<Episode> episode = published.byId(retired.episodeId());
        String successor = episode.map(retired::replacementIn).orElse(null);
        boolean kept = retired.retiredAt().plus(retention).isAfter(clock.instant());
        if (kept && successor != null) {
            exchange.header("Location", "/media/" + MediaUrls.encodePath(successor))
                    .header("Cache-Control", "public, max-age=3600");
            exchange.text(301, "This file was replaced. It is now at /media/" + MediaUrls.encodePath(successor));
        } else {
            exchange.header("Cache-Control", "public, max-age=86400");
            exchange.text(410, "This file was replaced and is no longer available.");
        }
    }

    /** GET or HEAD /artwork/{name}: the show's artwork under its content-hashed name. */
    public void serveShowArtwork(Exchange exchange, String name) throws IOException {
        ShowArtwork showArtwork = this.showArtwork.get();
        Optional<LocalFiles.Found> file = showArtwork == null || !name.equals(showArtwork.publicName())
                ? Optional.empty()
                : LocalFiles.stat(showArtwork.file());
        if (file.isEmpty()) {
            exchange.text(404, "Not found");
            return;
        }
        send(exchange, "/artwork/" + name, file.get(), showArtwork.mimeType(), null, sent -> {});
    }

    private static String typeOf(String path, Publication published) {
        Optional<String> transcript = published.transcriptType(path);
        if (transcript.isPresent()) {
            return transcript.get() + (transcript.get().startsWith("text/") ? "; charset=utf-8" : "");
        }
        // Artwork: Castkeeper named the file itself (MediaFolder.artworkName), with the extension of the type it
        // sniffed from the image's bytes when it was stored, so the name is the catalogue's record of its type.
        String lower = path.toLowerCase(Locale.ROOT);
        if (lower.endsWith(".png")) {
            return "image/png";
        }
        if (lower.endsWith(".jpg") || lower.endsWith(".jpeg")) {
            return "image/jpeg";
        }
        return "application/octet-stream";
    }

    /**
     * Whether a request is so small that it is answered on the network thread, as nginx would: a HEAD, a
     * conditional GET, or a range of at most 64 KiB (the {@code bytes=0-1} probe of Apple and directories, an ID3
     * tag at either end). Everything it does then is a map lookup, a stat at most once a second and a write from a
     * shared mapping; larger answers are sent from a worker.
     */
    public boolean answersAtOnce(String method, String range, String ifNoneMatch) {
        if (publications.latest() == null) {
            return false; // The first snapshot is still to be read from the database.
        }
        if (!store.isLocal()) {
            return false; // every answer from a bucket waits on it: a worker's job
        }
        return isSmall(method, range, ifNoneMatch);
    }

    /** A HEAD, a conditional GET, or a range of at most 64 KiB. */
    private static boolean isSmall(String method, String range, String ifNoneMatch) {
        if ("HEAD".equals(method) || ifNoneMatch != null) {
            return true;
        }
        return range != null && ByteRange.requestedLength(range) <= SMALL;
    }

    /** What was sent: the status (200 or 206) and the bytes. */
    private record Sent(int status, long start, long length, long size) {}

    /**
     * @param contentHash the audio's SHA-256, its ETag; null for other files, whose ETag is their size and time
     * @param sending     told what is about to be sent, just before the bytes go; not for a 304 or a 416, which
     *                    send no bytes of the file
     */
    private void send(
            Exchange exchange,
            String name,
            LocalFiles.Found found,
            String type,
            String contentHash,
            java.util.function.Consumer<Sent> sending)
            throws IOException {
        MediaHeaders.Made made = headers.of(name, found, type, contentHash);
        long size = found.size();
        exchange.header(MediaHeaders.ACCEPT_RANGES)
                .header(made.etagHeader())
                .header(made.lastModified())
                .header(MediaHeaders.CACHE_CONTROL);
        if (HttpCaching.notModified(exchange, made.modified(), made.etag())) {
            exchange.notModified();
            return;
        }
        ByteRange range = ByteRange.parse(exchange.header("Range"), size);
        if (range != null && !ifRangeAllows(exchange.header("If-Range"), made.etag(), made.modified())) {
            range = null;
        }
        if (range == ByteRange.UNSATISFIABLE) {
            exchange.header("Content-Range", "bytes */" + size);
            exchange.status(416);
            exchange.send(new byte[0]);
            return;
        }
        long start = range == null ? 0 : range.first();
        long length = range == null ? size : range.length();
        exchange.header(made.contentType());
        if (range != null) {
            exchange.header("Content-Range", range.contentRange(size));
            exchange.status(206);
        } else {
            exchange.status(200);
        }
        sending.accept(new Sent(range != null ? 206 : 200, start, length, size));
        if (found.file() == null) {
            // In a bucket: the range asked of it, streamed as it arrives (HEAD asks for nothing).
            exchange.sendStream(
                    exchange.isHead() ? java.io.InputStream.nullInputStream() : store.read(name, start, length),
                    length);
        } else {
            exchange.sendFile(found.file(), start, length, size, found.modifiedMillis());
        }
    }

    /** If-Range: serve the range only if the client's validator still names this exact file. */
    private static boolean ifRangeAllows(String ifRange, String etag, Instant modified) {
        if (ifRange == null) {
            return true;
        }
        String value = ifRange.strip();
        if (value.startsWith("\"") || value.startsWith("W/")) {
            return value.equals(etag);
        }
        Instant date = HttpCaching.parseHttpDate(value);
        return date != null && date.equals(modified);
    }
}
