package org.castkeeper.analytics;

import static org.castkeeper.db.generated.Tables.MEDIA_REQUEST;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.castkeeper.config.AnalyticsSettings;
import org.castkeeper.feed.FeedPolls;
import org.castkeeper.media.MediaRequests;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every media request analytics counts from, off the hot path: {@link #served} only offers the request to
 * a bounded queue (it never blocks; when the queue is full the request is still served, and the drop is counted
 * and logged at most once a minute), and a thread of its own writes what is queued in one batch every few seconds
 * and on {@link #close()}, after the requests in flight. Each record keeps the salted hashes of the day, never the
 * address; whether the User-Agent is a known bot and the address's country are decided on that thread too.
 *
 * <p>The same thread stores the subscriber counts reported in feed polls ({@link #feedPolls()}) and, every ten
 * minutes, counts the days that are over ({@link DailyCounts}) and forgets raw records past their time.
 */
public final class RequestLog implements MediaRequests, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Duration COUNT_DAYS_EVERY = Duration.ofMinutes(10);

    private final DSLContext db;
    private final Clock clock;
    private final DailySalt salts;
    private final Countries countries;
    private final Subscribers subscribers;
    private final DailyCounts dailyCounts;
    private final BlockingQueue<Served> queue;
    private final ScheduledExecutorService writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong written = new AtomicLong();
    private volatile long droppedLoggedAt = Long.MIN_VALUE;

    /**
     * @param capacity requests held in memory at most between two writes
     * @param every    how often the queue is written
     */
    public RequestLog(DSLContext db, Clock clock, int capacity, Duration every) {
        this(db, clock, capacity, every, AnalyticsSettings.DEFAULT.keepRawDays(), null);
    }

    /**
     * @param keepRawDays days raw records are kept once their day is counted (analytics.keepRawDays)
     * @param geoip       the country database, or null for none
     */
    public RequestLog(
            DSLContext db, Clock clock, int capacity, Duration every, int keepRawDays, java.nio.file.Path geoip) {
        this.db = db;
        this.clock = clock;
        this.salts = new DailySalt(db, clock);
        this.countries = Countries.open(geoip);
        this.subscribers = new Subscribers(clock);
        this.dailyCounts = new DailyCounts(db, clock, keepRawDays);
        this.queue = new ArrayBlockingQueue<>(capacity);
        CountingSince.begin(db, clock);
        this.writer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "analytics-writer");
            t.setDaemon(true);
            return t;
        });
        writer.scheduleWithFixedDelay(this::writeQuietly, every.toMillis(), every.toMillis(), TimeUnit.MILLISECONDS);
        writer.scheduleWithFixedDelay(this::countDaysQuietly, 0, COUNT_DAYS_EVERY.toMillis(), TimeUnit.MILLISECONDS);
    }

    /** Where the feed endpoint tells of each poll, for subscriber counts. */
    public FeedPolls feedPolls() {
        return subscribers;
    }

    /** Counts the days that are over and forgets old raw records now; for the writer thread, commands and tests. */
    public synchronized int countFinishedDays() {
        return dailyCounts.countFinishedDays();
    }

    private void countDaysQuietly() {
        try {
            countFinishedDays();
        } catch (RuntimeException e) {
            LOG.warn("Could not count the finished days yet; will try again: {}", e.toString());
        }
    }

    @Override
    public void served(Served request) {
        if (!queue.offer(request)) {
            long n = dropped.incrementAndGet();
            long now = System.nanoTime();
            if (droppedLoggedAt == Long.MIN_VALUE || now - droppedLoggedAt > 60_000_000_000L) {
                droppedLoggedAt = now;
                LOG.warn("Analytics queue full: {} media requests served but not recorded so far", n);
            }
        }
    }

    /** Requests served but not recorded because the queue was full. */
    public long dropped() {
        return dropped.get();
    }

    /** Requests written to the catalogue so far. */
    public long written() {
        return written.get();
    }

    /** Writes what is queued now; for the writer thread, shutdown and tests. */
    public synchronized void write() {
        List<Served> batch = new ArrayList<>();
        queue.drainTo(batch);
        if (!batch.isEmpty()) {
            var insert = db.insertInto(
                    MEDIA_REQUEST,
                    MEDIA_REQUEST.EPISODE_ID,
                    MEDIA_REQUEST.AT,
                    MEDIA_REQUEST.DAY,
                    MEDIA_REQUEST.LISTENER,
                    MEDIA_REQUEST.ADDRESS,
                    MEDIA_REQUEST.USER_AGENT,
                    MEDIA_REQUEST.APP,
                    MEDIA_REQUEST.FIRST_BYTE,
                    MEDIA_REQUEST.LAST_BYTE,
                    MEDIA_REQUEST.WHOLE,
                    MEDIA_REQUEST.STATUS,
                    MEDIA_REQUEST.FILE_SIZE,
                    MEDIA_REQUEST.REFERRER,
                    MEDIA_REQUEST.BOT,
                    MEDIA_REQUEST.COUNTRY);
            for (Served r : batch) {
                LocalDate day = r.at().atZone(ZoneOffset.UTC).toLocalDate();
                String salt = salts.of(day);
                insert = insert.values(
                        r.episodeId(),
                        r.at().toEpochMilli(),
                        day.toString(),
                        ListenerHash.of(salt, r.address(), r.userAgent()),
                        ListenerHash.ofAddress(salt, r.address()),
                        clip(r.userAgent(), 500),
                        Apps.of(r.userAgent()),
                        r.firstByte(),
                        r.lastByte(),
                        r.whole(),
                        r.status(),
                        r.fileSize(),
                        clip(r.referrer(), 500),
                        Bots.isBot(r.userAgent()),
                        countries.of(r.address()));
            }
            insert.execute();
            written.addAndGet(batch.size());
        }
        subscribers.save(db);
        // Every record of an earlier day is in (records come in time order, and this batch is written): its
        // salt goes, and with it any way to link that day's listeners to today's.
        LocalDate today = clock.instant().atZone(ZoneOffset.UTC).toLocalDate();
        if (batch.isEmpty()
                || !batch.get(batch.size() - 1)
                        .at()
                        .atZone(ZoneOffset.UTC)
                        .toLocalDate()
                        .isBefore(today)) {
            salts.forgetBefore(today);
        }
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            LOG.warn("Could not record media requests yet; will try again: {}", e.toString());
        }
    }

    private static String clip(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }

    /** Stops the writer and writes what is left: called after the server has answered its last request. */
    @Override
    public void close() {
        writer.shutdown();
        try {
            writer.awaitTermination(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writeQuietly();
        try {
            countries.close();
        } catch (java.io.IOException e) {
            LOG.debug("Closing the country database: {}", e.toString());
        }
    }
}
