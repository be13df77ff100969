package org.castkeeper.distribution;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.NotifySettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells WebSub hubs and podping that the feed has a new episode, the moment one goes live (published now, or a
 * scheduled one whose time came), so apps fetch it at once instead of at their next poll.
 *
 * <p>Notifications run on their own threads and are retried with doubling waits; a failure is logged and never
 * holds up publishing. With several instances sharing the database, only the one that claims the episode first
 * ({@link NotificationClaims}) sends them.
 */
public final class PublishNotifier implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(PublishNotifier.class);
    static final int ATTEMPTS = 5;

    private final NotifySettings settings;
    private final String feedUrl;
    private final NotificationClaims claims;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
    private final ExecutorService workers = Executors.newVirtualThreadPerTaskExecutor();

    public PublishNotifier(NotifySettings settings, String feedUrl, NotificationClaims claims) {
        this.settings = settings;
        this.feedUrl = feedUrl;
        this.claims = claims;
    }

    /** An episode went live (published now, or scheduled and its time came): tell the hubs and podping. */
    public void wentLive(Episode fresh) {
        if (settings.websubHubs().isEmpty() && settings.podping() == null) {
            return;
        }
        // The claim is a database write: made on a notifier thread, so the host's publish does not wait for it.
        workers.submit(() -> {
            try {
                if (claims.claim(fresh.guid(), fresh.publishAt())) {
                    announce(fresh);
                } else {
                    LOG.info("\"{}\" is live; another instance is sending its notifications", fresh.title());
                }
            } catch (RuntimeException e) {
                LOG.warn("Could not claim the notifications for \"{}\": {}", fresh.title(), e.toString());
            }
        });
    }

    private void announce(Episode fresh) {
        LOG.info(
                "\"{}\" is live: notifying {} hub(s){}",
                fresh.title(),
                settings.websubHubs().size(),
                settings.podping() == null ? "" : " and podping");
        for (String hub : settings.websubHubs()) {
            String form = "hub.mode=publish&hub.url=" + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8);
            send(
                    "WebSub hub " + hub,
                    HttpRequest.newBuilder(URI.create(hub))
                            .header("Content-Type", "application/x-www-form-urlencoded")
                            .POST(HttpRequest.BodyPublishers.ofString(form)));
        }
        if (settings.podping() != null) {
            String endpoint = settings.podping().endpoint();
            String url = endpoint + (endpoint.contains("?") ? "&" : "?") + "url="
                    + URLEncoder.encode(feedUrl, StandardCharsets.UTF_8) + "&reason=update&medium=podcast";
            send(
                    "podping",
                    HttpRequest.newBuilder(URI.create(url))
                            .header("Authorization", settings.podping().token())
                            .header("User-Agent", "Castkeeper")
                            .GET());
        }
    }

    private void send(String target, HttpRequest.Builder request) {
        workers.submit(() -> {
            long wait = settings.firstRetryMillis();
            for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
                try {
                    HttpResponse<Void> r = http.send(
                            request.timeout(Duration.ofSeconds(20)).build(), HttpResponse.BodyHandlers.discarding());
                    if (r.statusCode() >= 200 && r.statusCode() < 300) {
                        LOG.info("Notified {} ({})", target, r.statusCode());
                        return null;
                    }
                    LOG.warn("{} answered {} (attempt {} of {})", target, r.statusCode(), attempt, ATTEMPTS);
                } catch (Exception e) {
                    LOG.warn("{} could not be reached: {} (attempt {} of {})", target, e.toString(), attempt, ATTEMPTS);
                }
                if (attempt < ATTEMPTS) {
                    Thread.sleep(wait);
                    wait *= 2;
                }
            }
            LOG.error(
                    "Gave up notifying {} after {} attempts; apps will still see the episode at their next poll",
                    target,
                    ATTEMPTS);
            return null;
        });
    }

    @Override
    public void close() {
        workers.shutdownNow();
    }
}
