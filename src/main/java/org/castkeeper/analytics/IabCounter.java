package org.castkeeper.analytics;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Downloads as the IAB Podcast Measurement Technical Guidelines v2.2 count them, from the raw records of a day (or
 * many). Each rule is quoted from the guidelines or says which of them it follows:
 *
 * <ol>
 *   <li>"A download is a unique file request that was downloaded": one per listener (the salted hash of address
 *       and User-Agent), episode and UTC day, however many requests it took.</li>
 *   <li>Ranges: "byte-range requests … must be combined"; a listener's ranges of a day are merged, so overlaps
 *       and re-fetches count once and are never summed.</li>
 *   <li>"Downloads … must represent at least one minute of content": the merged ranges must reach the bytes of one
 *       minute of audio (size × 60 / duration), or cover the whole file, so an episode under a minute counts when
 *       it is sent whole. A {@code bytes=0-1} probe never reaches it.</li>
 *   <li>Redirected requests (a CDN) are judged by the range asked, since their bytes never pass through here: the
 *       caller passes the asked range, the whole file when none.</li>
 *   <li>"Known bots … must be filtered": requests whose User-Agent is a known bot's ({@link Bots}: the
 *       crawler-user-agents list, podcast apps excepted) are not counted.</li>
 *   <li>Apple Watch: a watchOS request that repeats an iPhone's from the same address, episode and day is the same
 *       listen, synced to the watch: it counts once.</li>
 *   <li>Anomalies ("suspicious activity … should be flagged"): one address behind more than {@value #ANOMALY_MIN}
 *       downloads of one episode in a day, and more than a quarter of them, is flagged for the host to look at;
 *       it is counted, as the guidelines leave the decision to the publisher.</li>
 * </ol>
 */
final class IabCounter {
    static final int ANOMALY_MIN = 10;

    private IabCounter() {}

    /** One raw record: who asked, for which episode and day, and which bytes (inclusive). */
    record Request(
            String listener,
            String address,
            int episodeId,
            LocalDate day,
            String userAgent,
            boolean bot,
            String country,
            long firstByte,
            long lastByte,
            long fileSize,
            int durationSeconds) {

        /** A request whose bot-ness the list decides now, without a country. */
        Request(
                String listener,
                String address,
                int episodeId,
                LocalDate day,
                String userAgent,
                long firstByte,
                long lastByte,
                long fileSize,
                int durationSeconds) {
            this(
                    listener,
                    address,
                    episodeId,
                    day,
                    userAgent,
                    Bots.isBot(userAgent),
                    null,
                    firstByte,
                    lastByte,
                    fileSize,
                    durationSeconds);
        }
    }

    /** One counted download; {@code country} is null when unknown. */
    record Download(int episodeId, LocalDate day, String listener, String app, String country) {}

    /** An address behind an unusual share of an episode's downloads on a day. */
    record Anomaly(int episodeId, LocalDate day, String address, int downloads, int ofAll) {}

    record Result(List<Download> downloads, List<Anomaly> anomalies) {}

    static Result count(List<Request> requests) {
        // Rule 1 and 2: a listener's requests for an episode on a day, their ranges merged.
        Map<String, List<Request>> byListen = new LinkedHashMap<>();
        for (Request r : requests) {
            if (r.bot()) {
                continue; // rule 5, decided by Bots when the request was recorded
            }
            byListen.computeIfAbsent(r.listener() + "|" + r.episodeId() + "|" + r.day(), k -> new ArrayList<>())
                    .add(r);
        }
        List<Request> counted = new ArrayList<>();
        for (List<Request> listen : byListen.values()) {
            if (reachesOneMinute(listen)) {
                counted.add(listen.get(0));
            }
        }
        // Rule 6: the watch repeating the phone.
        Set<String> phones = new HashSet<>();
        for (Request r : counted) {
            if (isIphone(r.userAgent())) {
                phones.add(r.address() + "|" + r.episodeId() + "|" + r.day());
            }
        }
        List<Download> downloads = new ArrayList<>();
        for (Request r : counted) {
            if (isWatch(r.userAgent()) && phones.contains(r.address() + "|" + r.episodeId() + "|" + r.day())) {
                continue;
            }
            downloads.add(new Download(r.episodeId(), r.day(), r.listener(), Apps.of(r.userAgent()), r.country()));
        }
        return new Result(downloads, anomalies(downloads, counted));
    }

    /** Rule 3: the merged ranges reach one minute of audio, or cover the whole file. */
    private static boolean reachesOneMinute(List<Request> listen) {
        Request any = listen.get(0);
        long size = any.fileSize();
        long minute = any.durationSeconds() <= 0 ? size : size * 60 / any.durationSeconds();
        long needed = Math.min(size, minute);
        List<long[]> ranges = new ArrayList<>();
        for (Request r : listen) {
            ranges.add(new long[] {Math.max(0, r.firstByte()), Math.min(size - 1, r.lastByte())});
        }
        ranges.sort(Comparator.comparingLong(a -> a[0]));
        long covered = 0;
        long start = -1;
        long end = -1;
        for (long[] range : ranges) {
            if (range[1] < range[0]) {
                continue;
            }
            if (start < 0 || range[0] > end + 1) {
                covered += start < 0 ? 0 : end - start + 1;
                start = range[0];
                end = range[1];
            } else {
                end = Math.max(end, range[1]);
            }
        }
        covered += start < 0 ? 0 : end - start + 1;
        return covered >= needed;
    }

    private static List<Anomaly> anomalies(List<Download> downloads, List<Request> counted) {
        Map<String, String> addressOf = new HashMap<>();
        for (Request r : counted) {
            addressOf.put(r.listener() + "|" + r.episodeId() + "|" + r.day(), r.address());
        }
        Map<String, Integer> perEpisodeDay = new HashMap<>();
        Map<String, Integer> perAddress = new HashMap<>();
        for (Download d : downloads) {
            String episodeDay = d.episodeId() + "|" + d.day();
            perEpisodeDay.merge(episodeDay, 1, Integer::sum);
            perAddress.merge(episodeDay + "|" + addressOf.get(d.listener() + "|" + episodeDay), 1, Integer::sum);
        }
        List<Anomaly> found = new ArrayList<>();
        for (Map.Entry<String, Integer> e : perAddress.entrySet()) {
            String[] key = e.getKey().split("\\|", 3);
            int all = perEpisodeDay.get(key[0] + "|" + key[1]);
            if (e.getValue() > ANOMALY_MIN && e.getValue() * 4 > all) {
                found.add(new Anomaly(Integer.parseInt(key[0]), LocalDate.parse(key[1]), key[2], e.getValue(), all));
            }
        }
        return found;
    }

    private static boolean isIphone(String ua) {
        String s = ua == null ? "" : ua.toLowerCase(Locale.ROOT);
        return s.contains("iphone") && !s.contains("watch");
    }

    private static boolean isWatch(String ua) {
        String s = ua == null ? "" : ua.toLowerCase(Locale.ROOT);
        return s.contains("watchos") || s.contains("watch os") || s.contains("apple watch");
    }
}
