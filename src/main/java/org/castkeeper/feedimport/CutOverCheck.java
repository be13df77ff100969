package org.castkeeper.feedimport;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.castkeeper.catalogue.EpisodeRepository;

/**
 * Whether a show's move from its old host is complete, as the apps will see it (castkeeper check --old-feed):
 * the old address sends everyone here for good (301 or 308; a 302 is temporary, and directories keep the old
 * address), or the old feed names ours in itunes:new-feed-url; every old guid is in our feed; our podcast:guid is
 * the old one; and each old enclosure still answers with the size we hold, for apps that fetch it before they
 * read our feed.
 */
public final class CutOverCheck {
    private final EpisodeRepository episodes;
    private final Supplier<String> ourFeedUrl;
    private final Supplier<String> ourPodcastGuid;
    private final Supplier<Set<String>> ourGuids;
    private final WebClient web;

    public enum Status {
        PASS,
        WARN,
        FAIL
    }

    /** One check: what was looked at and what was found, in the host's words. */
    public record Finding(Status status, String name, String message) {}

    /**
     * @param ourGuids the guids in our feed now (its live episodes)
     */
    public CutOverCheck(
            EpisodeRepository episodes,
            Supplier<String> ourFeedUrl,
            Supplier<String> ourPodcastGuid,
            Supplier<Set<String>> ourGuids,
            Duration timeout) {
        this.episodes = episodes;
        this.ourFeedUrl = ourFeedUrl;
        this.ourPodcastGuid = ourPodcastGuid;
        this.ourGuids = ourGuids;
        this.web = new WebClient(FeedImport.userAgent(), timeout, timeout);
    }

    public List<Finding> run(String oldAddress) throws InterruptedException {
        List<Finding> findings = new ArrayList<>();
        URI old;
        try {
            old = new URI(oldAddress.strip());
        } catch (URISyntaxException e) {
            findings.add(new Finding(Status.FAIL, "old feed", "\"" + oldAddress + "\" is not a web address"));
            return findings;
        }
        String ours = ourFeedUrl.get();
        OldFeedReader.OldFeed oldFeed = null;
        try (WebClient.Answer first = web.once(old)) {
            int status = first.status();
            String location = first.header("Location");
            if ((status == 301 || status == 308) && location != null && sameUrl(old.resolve(location), ours)) {
                findings.add(new Finding(
                        Status.PASS, "redirect", "The old address answers " + status + " to " + ours + "."));
            } else if (status >= 300 && status < 400 && location != null) {
                findings.add(new Finding(
                        Status.FAIL,
                        "redirect",
                        "The old address answers " + status + " to " + old.resolve(location)
                                + (sameUrl(old.resolve(location), ours)
                                        ? ": a temporary redirect, so directories keep the old address. Make it a"
                                                + " permanent one (301 or 308)."
                                        : ", not to " + ours + ".")));
            } else if (status == 200) {
                try {
                    oldFeed = new OldFeedReader(web).read(old);
                } catch (OldFeedReader.NotAFeed e) {
                    findings.add(new Finding(Status.FAIL, "redirect", e.getMessage()));
                }
                if (oldFeed != null) {
                    String moved = oldFeed.show().itunes().getNewFeedUrl();
                    findings.add(
                            moved != null && sameUrl(URI.create(moved.strip()), ours)
                                    ? new Finding(
                                            Status.PASS,
                                            "redirect",
                                            "The old feed names " + ours + " in itunes:new-feed-url.")
                                    : new Finding(
                                            Status.FAIL,
                                            "redirect",
                                            "The old address still serves its feed"
                                                    + (moved == null
                                                            ? " without itunes:new-feed-url"
                                                            : " with itunes:new-feed-url " + moved)
                                                    + ". At the old host, redirect the feed (301) to " + ours
                                                    + " or set its new feed URL to it."));
                }
            } else {
                findings.add(new Finding(
                        Status.FAIL,
                        "redirect",
                        "The old address answers " + status + ": apps still subscribed there find nothing. It"
                                + " must redirect (301) to " + ours + "."));
            }
        } catch (IOException e) {
            findings.add(new Finding(Status.FAIL, "redirect", "The old address cannot be reached: " + e.getMessage()));
        }

        guids(oldFeed, findings);
        podcastGuid(oldFeed, findings);
        enclosures(oldFeed, findings);
        return findings;
    }

    private void guids(OldFeedReader.OldFeed oldFeed, List<Finding> findings) {
        Set<String> here = ourGuids.get();
        List<String> missing = new ArrayList<>();
        if (oldFeed != null) {
            for (OldItem item : oldFeed.items()) {
                if (item.guid() != null && !here.contains(item.guid())) {
                    missing.add(item.guid());
                }
            }
        } else {
            // The old feed redirects here: its guids are the ones imported from it.
            for (EpisodeRepository.FromFeed e : episodes.fromFeeds()) {
                if (!here.contains(e.guid())) {
                    missing.add(e.guid());
                }
            }
        }
        findings.add(
                missing.isEmpty()
                        ? new Finding(Status.PASS, "guids", "Every old episode is in our feed under its old guid.")
                        : new Finding(
                                Status.FAIL,
                                "guids",
                                missing.size() + " old episode(s) are not in our feed (apps would lose them): "
                                        + String.join(", ", missing.subList(0, Math.min(10, missing.size())))
                                        + (missing.size() > 10 ? " ..." : "")
                                        + ". Import the feed again, or publish them."));
    }

    private void podcastGuid(OldFeedReader.OldFeed oldFeed, List<Finding> findings) {
        String ours = ourPodcastGuid.get();
        if (oldFeed == null) {
            findings.add(new Finding(
                    Status.PASS,
                    "podcast:guid",
                    "Our podcast:guid is " + ours + " (the old feed redirects, so it cannot be compared now)."));
            return;
        }
        String theirs = oldFeed.show().podcast() == null
                ? null
                : oldFeed.show().podcast().guid();
        if (theirs == null) {
            theirs = org.castkeeper.feed.podcast.PodcastGuid.forFeedUrl(
                            oldFeed.show().feedUrl().toString())
                    .toString();
        }
        findings.add(
                theirs.equalsIgnoreCase(ours)
                        ? new Finding(Status.PASS, "podcast:guid", "Our podcast:guid is the old one, " + ours + ".")
                        : new Finding(
                                Status.FAIL,
                                "podcast:guid",
                                "Our podcast:guid is " + ours + ", the old one " + theirs
                                        + ": the Podcast Index would see a new show. Set it in the settings."));
    }

    private void enclosures(OldFeedReader.OldFeed oldFeed, List<Finding> findings) throws InterruptedException {
        Map<String, Long> claimed = new HashMap<>();
        if (oldFeed != null) {
            for (OldItem item : oldFeed.items()) {
                if (item.enclosure() != null && item.enclosure().url() != null) {
                    claimed.put(item.enclosure().url(), item.enclosure().length());
                }
            }
        }
        int checked = 0;
        for (EpisodeRepository.FromFeed e : episodes.fromFeeds()) {
            if (Thread.interrupted()) {
                throw new InterruptedException();
            }
            if (e.sourceUrl() == null) {
                continue;
            }
            checked++;
            try (WebClient.Answer head = web.head(new URI(e.sourceUrl().strip().replace(" ", "%20")))) {
                int status = head.status();
                long length = head.length();
                if (status != 200) {
                    findings.add(new Finding(
                            Status.FAIL,
                            "enclosure",
                            e.sourceUrl() + " answers " + status + ": apps that fetch the old file get nothing."
                                    + " Keep serving the old media until the move is done."));
                } else if (length < 0) {
                    findings.add(new Finding(
                            Status.WARN,
                            "enclosure",
                            e.sourceUrl() + " does not say its size (no Content-Length), so it cannot be compared."));
                } else if (length != e.sizeBytes()) {
                    findings.add(new Finding(
                            Status.FAIL,
                            "enclosure",
                            e.sourceUrl() + " is " + length + " bytes; the episode here (guid " + e.guid() + ") has "
                                    + e.sizeBytes() + ". Import it again."));
                }
            } catch (IOException | URISyntaxException ex) {
                findings.add(new Finding(
                        Status.FAIL, "enclosure", e.sourceUrl() + " cannot be reached: " + ex.getMessage()));
            }
            Long attribute = claimed.get(e.sourceUrl());
            if (attribute != null && attribute > 0 && Math.abs(attribute - e.sizeBytes()) > e.sizeBytes() / 100) {
                findings.add(new Finding(
                        Status.WARN,
                        "enclosure",
                        "The old feed says " + e.sourceUrl() + " is " + attribute + " bytes; it is " + e.sizeBytes()
                                + " (our feed says so; most apps do not mind)."));
            }
        }
        if (findings.stream().noneMatch(f -> f.name().equals("enclosure") && f.status() == Status.FAIL)) {
            findings.add(new Finding(
                    Status.PASS,
                    "enclosure",
                    checked + " old enclosure(s) answer with the size the episodes here have."));
        }
    }

    /** The same address, but for a trailing slash. */
    private static boolean sameUrl(URI a, String b) {
        return a.toString().replaceAll("/+$", "").equals(b.replaceAll("/+$", ""));
    }
}
