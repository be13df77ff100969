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
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records every media request analytics counts from, off the hot path: {@link #served} only offers the request to
 * a bounded queue (it never blocks; when the queue is full the request is still served, and the drop is counted
 * and logged at most once a minute), and a thread of its own writes what is queued every few seconds, as soon as
 * half the queue is taken, and on {@link #close()}, after the requests in flight. Each record keeps the salted
 * hashes of the day, never the address; whether the User-Agent is a known bot and the address's country are
 * decided on that thread too.
 *
 * <p>The same thread stores the subscriber counts reported in feed polls ({@link #feedPolls()}) and, every ten
 * minutes, counts the days that are over ({@link DailyCounts}) and forgets raw records past their time.
 */
public final class RequestLog implements MediaRequests, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(RequestLog.class);
    private static final Duration COUNT_DAYS_EVERY = Duration.ofMinutes(10);
    private static final int ROWS_PER_BATCH = 1_000;

    private final DSLContext db;
    private final Clock clock;
    private final DailySalt salts;
    private final Countries countries;
    private final Subscribers subscribers;
    private final DailyCounts dailyCounts;
    private final BlockingQueue<Served> queue;
    private final int capacity;
    /** Requests taken from the queue whose write failed: written first next time. */
    private final List<Served> unwritten = new ArrayList<>();

    private final ScheduledExecutorService writer;
    private final AtomicLong dropped = new AtomicLong();
    private final AtomicLong offered = new AtomicLong();
    /** Write early after this many requests (half the queue); 0 for a queue too small to bother. */
    private final int earlyWriteEvery;

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
        this.capacity = capacity;
        this.earlyWriteEvery = capacity >= 1_000 ? capacity / 2 : 0;
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
        if (queue.offer(request)) {
            // Under heavy traffic the queue is written as soon as it is half full, not only every few seconds,
            // so that bursts are recorded rather than dropped.
            if (earlyWriteEvery > 0 && offered.incrementAndGet() % earlyWriteEvery == 0) {
                writer.execute(this::writeQuietly);
            }
            return;
        }
        long n = dropped.incrementAndGet();
        long now = System.nanoTime();
        if (droppedLoggedAt == Long.MIN_VALUE || now - droppedLoggedAt > 60_000_000_000L) {
            droppedLoggedAt = now;
            LOG.warn("Analytics queue full: {} media requests served but not recorded so far", n);
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
        List<Served> batch = new ArrayList<>(unwritten);
        unwritten.clear();
        queue.drainTo(batch);
        if (!batch.isEmpty()) {
            try {
                insert(batch);
            } catch (RuntimeException e) {
                // Kept for the next round (the database may be away for a while), as many as the queue holds.
                int keep = Math.min(batch.size(), capacity);
                dropped.addAndGet(batch.size() - keep);
                unwritten.addAll(batch.subList(batch.size() - keep, batch.size()));
                throw e;
            }
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
            listeners.keySet().removeIf(key -> key.compareTo(today.toString()) < 0);
        }
    }

    /** One transaction, one prepared statement run in batches of {@value #ROWS_PER_BATCH}. */
    private void insert(List<Served> batch) {
        // The day's salt is read (or made) before the transaction: SQLite has one writer at a time.
        java.util.Map<LocalDate, String> saltOf = new java.util.HashMap<>();
        for (Served r : batch) {
            saltOf.computeIfAbsent(r.at().atZone(ZoneOffset.UTC).toLocalDate(), salts::of);
        }
        // The statement jOOQ renders for the table, run with JDBC's own batching: a multi-row INSERT of a whole
        // queue would be a statement of many megabytes (SQLite refuses it), and jOOQ's batch binds cost more
        // than the insert itself here.
        String sql = db.insertInto(
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
                        MEDIA_REQUEST.COUNTRY)
                .values(
                        (Integer) null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        null)
                .getSQL();
        db.transaction(tx -> tx.dsl().connection(connection -> {
            // A write that changes nothing, through jOOQ: the catalogue's own checks before writes run (is the
            // SQLite file still the one opened?), which plain JDBC would pass by.
            tx.dsl().deleteFrom(MEDIA_REQUEST).where(DSL.falseCondition()).execute();
            try (java.sql.PreparedStatement insert = connection.prepareStatement(sql)) {
                int rows = 0;
                for (Served r : batch) {
                    LocalDate day = r.at().atZone(ZoneOffset.UTC).toLocalDate();
                    Listener who = listener(day, saltOf.get(day), r.address(), r.userAgent());
                    insert.setInt(1, r.episodeId());
                    insert.setLong(2, r.at().toEpochMilli());
                    insert.setString(3, day.toString());
                    insert.setString(4, who.hash());
                    insert.setString(5, who.household());
                    insert.setString(6, clip(r.userAgent(), 500));
                    insert.setString(7, r.referrer() == null ? who.app() : Apps.of(r.userAgent(), r.referrer()));
                    insert.setLong(8, r.firstByte());
                    insert.setLong(9, r.lastByte());
                    insert.setBoolean(10, r.whole());
                    insert.setInt(11, r.status());
                    insert.setLong(12, r.fileSize());
                    insert.setString(13, clip(r.referrer(), 500));
                    insert.setBoolean(14, Bots.isBot(r.userAgent()));
                    insert.setString(15, countries.of(r.address()));
                    insert.addBatch();
                    if (++rows == ROWS_PER_BATCH) {
                        insert.executeBatch();
                        rows = 0;
                    }
                }
                if (rows > 0) {
                    insert.executeBatch();
                }
            }
        }));
    }

    /** A listener as recorded: the day's hashes, and the app its User-Agent names. */
    private record Listener(String hash, String household, String app) {}

    /**
     * The same listener asks many times a day (chunks, re-fetches, the next episode): their hashes and app are
     * worked out once. Kept on the writer's thread only, for the day, and never with the address written down.
     */
    private final java.util.Map<String, Listener> listeners = new java.util.HashMap<>();

    private Listener listener(LocalDate day, String salt, String address, String userAgent) {
        if (listeners.size() > 50_000) {
            listeners.clear();
        }
        return listeners.computeIfAbsent(
                day + "\n" + address + "\n" + userAgent,
                k -> new Listener(
                        ListenerHash.of(salt, address, userAgent),
                        ListenerHash.ofAddress(salt, address),
                        Apps.of(userAgent)));
    }

    private void writeQuietly() {
        try {
            write();
        } catch (RuntimeException e) {
            String why = e.getCause() != null ? e.getCause().getMessage() : e.getMessage();
            LOG.warn(
                    "Could not record {} media requests yet; will try again: {}",
                    unwritten.size(),
                    why == null ? e.getClass().getSimpleName() : clip(why, 300));
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
