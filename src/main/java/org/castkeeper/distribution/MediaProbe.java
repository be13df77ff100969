package org.castkeeper.distribution;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Fetches every enclosure the way Apple and Spotify do after a submission: a HEAD, then a two-byte range.
 * Requests go to {@code probeBase} in place of the public URL when one is given (the server checking itself).
 */
final class MediaProbe {
    private static final int PARALLEL = 16;
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL)
            .build();
    /** The first answer only, to see whether (and how) the enclosure redirects. */
    private final HttpClient first = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /**
     * What went wrong with one enclosure; {@code problem} is null when nothing did, {@code rangeProblem} likewise.
     *
     * @param redirect where the enclosure redirects ("302 to https://cdn…"), or null when it answers itself
     * @param permanent whether that redirect is permanent (301, 308), which apps remember for good
     */
    record Result(FeedFacts.Item item, String problem, String rangeProblem, String redirect, boolean permanent) {
        Result(FeedFacts.Item item, String problem, String rangeProblem) {
            this(item, problem, rangeProblem, null, false);
        }
    }

    List<Result> probe(List<FeedFacts.Item> items, String publicBase, String probeBase) throws Exception {
        Semaphore slots = new Semaphore(PARALLEL);
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Result>> futures = new ArrayList<>();
            for (FeedFacts.Item item : items) {
                futures.add(pool.submit(() -> {
                    slots.acquire();
                    try {
                        return probe(item, publicBase, probeBase);
                    } finally {
                        slots.release();
                    }
                }));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> f : futures) {
                results.add(f.get());
            }
            return results;
        }
    }

    private Result probe(FeedFacts.Item item, String publicBase, String probeBase) {
        if (item.enclosureUrl() == null) {
            return new Result(item, "has no enclosure", null);
        }
        String url = probeBase != null && item.enclosureUrl().startsWith(publicBase)
                ? probeBase + item.enclosureUrl().substring(publicBase.length())
                : item.enclosureUrl();
        try {
            HttpResponse<Void> answer = head(first, url);
            int status = answer.statusCode();
            String redirect = status >= 300 && status < 400
                    ? status + " to " + answer.headers().firstValue("Location").orElse("(no Location)")
                    : null;
            boolean permanent = status == 301 || status == 308;
            Result checked = probeThrough(item, url);
            return new Result(item, checked.problem(), checked.rangeProblem(), redirect, permanent);
        } catch (Exception e) {
            return new Result(
                    item,
                    "cannot be fetched: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    null);
        }
    }

    /** A HEAD of {@code url} as Castkeeper's own check (never counted as a listener). */
    private static HttpResponse<Void> head(HttpClient client, String url) throws Exception {
        return client.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("User-Agent", org.castkeeper.media.MediaRequests.OWN_CHECK_USER_AGENT)
                        .method("HEAD", HttpRequest.BodyPublishers.noBody())
                        .timeout(Duration.ofSeconds(20))
                        .build(),
                HttpResponse.BodyHandlers.discarding());
    }

    /** HEAD and a two-byte range, through any redirects, as Apple and Spotify fetch. */
    private Result probeThrough(FeedFacts.Item item, String url) {
        try {
            HttpResponse<Void> head = head(http, url);
            if (head.statusCode() != 200) {
                return new Result(item, "answers HEAD with " + head.statusCode(), null);
            }
            long length = head.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length != item.enclosureLength()) {
                return new Result(item, "is " + length + " bytes but the feed says " + item.enclosureLength(), null);
            }
            String type = head.headers().firstValue("Content-Type").orElse("");
            if (!type.startsWith(String.valueOf(item.enclosureType()))) {
                return new Result(item, "is served as " + type + " but the feed says " + item.enclosureType(), null);
            }
            HttpResponse<byte[]> range = http.send(
                    HttpRequest.newBuilder(URI.create(url))
                            .header("User-Agent", org.castkeeper.media.MediaRequests.OWN_CHECK_USER_AGENT)
                            .header("Range", "bytes=0-1")
                            .timeout(Duration.ofSeconds(20))
                            .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            String expected = "bytes 0-1/" + item.enclosureLength();
            if (range.statusCode() != 206
                    || range.body().length != 2
                    || !expected.equals(
                            range.headers().firstValue("Content-Range").orElse(""))) {
                return new Result(
                        item,
                        null,
                        "answers a byte range with " + range.statusCode() + " and Content-Range "
                                + range.headers().firstValue("Content-Range").orElse("(none)"));
            }
            return new Result(item, null, null);
        } catch (Exception e) {
            return new Result(
                    item,
                    "cannot be fetched: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : " " + e.getMessage()),
                    null);
        }
    }
}
