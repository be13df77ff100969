package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.SUBSCRIBER_COUNT;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.castkeeper.feed.FeedPolls;
import org.jooq.DSLContext;

/**
 * Subscriber counts that aggregators report in the User-Agent of their feed polls, e.g. {@code Feedly/1.0 (+http://
 * www.feedly.com/fetcher.html; 1,234 subscribers; )}, {@code Feedbin feed-id:42 - 7 subscribers} or {@code
 * Overcast/1.0 Podcast Sync (12 subscribers; feed-id=…)}: the latest per aggregator. {@link #polled} runs on the
 * network thread that answers the poll, so it only looks for the word and keeps the newest report in memory; the
 * analytics writer stores what came in on its next round.
 */
final class Subscribers implements FeedPolls {
    private static final Pattern COUNT = Pattern.compile("(\\d[\\d,]*)\\s+(?:subscribers?|readers?)\\b");
    /** The aggregator's name: what comes before its version, its comment or its feed id. */
    private static final Pattern NAME = Pattern.compile("^\\s*([^/(;\\-]+?)(?:\\s*feed-id\\S*)?\\s*(?:[/(;\\-]|$)");

    private static final int MOST_AGGREGATORS = 200;

    record Report(String aggregator, int subscribers, String userAgent, long at) {}

    private final Clock clock;
    private final Map<String, Report> unsaved = new ConcurrentHashMap<>();

    Subscribers(Clock clock) {
        this.clock = clock;
    }

    @Override
    public void polled(String userAgent) {
        if (userAgent == null || userAgent.indexOf("ubscriber") < 0 && userAgent.indexOf("eader") < 0) {
            return;
        }
        Report report = parse(userAgent, clock.millis());
        if (report != null && (unsaved.size() < MOST_AGGREGATORS || unsaved.containsKey(report.aggregator()))) {
            unsaved.put(report.aggregator(), report);
        }
    }

    /** The report in a User-Agent, or null when it has none. */
    static Report parse(String userAgent, long at) {
        Matcher count = COUNT.matcher(userAgent);
        if (!count.find()) {
            return null;
        }
        long n;
        try {
            n = Long.parseLong(count.group(1).replace(",", ""));
        } catch (NumberFormatException tooLong) {
            return null;
        }
        Matcher name = NAME.matcher(userAgent);
        String aggregator = name.find() ? name.group(1).strip() : "";
        if (aggregator.isEmpty()) {
            aggregator = "Unknown";
        }
        if (aggregator.length() > 80) {
            aggregator = aggregator.substring(0, 80);
        }
        return new Report(
                aggregator,
                (int) Math.min(n, Integer.MAX_VALUE),
                userAgent.length() > 500 ? userAgent.substring(0, 500) : userAgent,
                at);
    }

    /** The reports not stored yet, by aggregator (for tests). */
    Map<String, Report> unsaved() {
        return Map.copyOf(unsaved);
    }

    /** Stores the reports that came in since the last call: the newest per aggregator replaces the stored one. */
    void save(DSLContext db) {
        List<Report> reports = new ArrayList<>();
        for (String aggregator : List.copyOf(unsaved.keySet())) {
            Report r = unsaved.remove(aggregator);
            if (r != null) {
                reports.add(r);
            }
        }
        for (Report r : reports) {
            db.insertInto(
                            SUBSCRIBER_COUNT,
                            SUBSCRIBER_COUNT.AGGREGATOR,
                            SUBSCRIBER_COUNT.SUBSCRIBERS,
                            SUBSCRIBER_COUNT.USER_AGENT,
                            SUBSCRIBER_COUNT.SEEN_AT)
                    .values(r.aggregator(), r.subscribers(), r.userAgent(), r.at())
                    .onConflict(SUBSCRIBER_COUNT.AGGREGATOR)
                    .doUpdate()
                    .set(SUBSCRIBER_COUNT.SUBSCRIBERS, r.subscribers())
                    .set(SUBSCRIBER_COUNT.USER_AGENT, r.userAgent())
                    .set(SUBSCRIBER_COUNT.SEEN_AT, r.at())
                    .where(SUBSCRIBER_COUNT.SEEN_AT.le(r.at()))
                    .execute();
        }
    }
}
