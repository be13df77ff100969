package org.castkeeper.episodes;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Tells of scheduled episodes going live, at their time, while the server runs (a command-line import never
 * starts it, so a back catalogue imported as published pings nobody). It waits for the next scheduled time in the
 * catalogue, and looks again every {@link #REPLAN} in case another instance scheduled something sooner; with
 * several instances each tells its own subscribers, and the notifier's claim in the database keeps it to one ping.
 */
public final class GoLiveTimer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(GoLiveTimer.class);
    static final Duration REPLAN = Duration.ofSeconds(30);

    private final EpisodeRepository episodes;
    private final Clock clock;
    private final EpisodeEvents events;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "go-live-timer");
        t.setDaemon(true);
        return t;
    });
    private Instant checkedUpTo;
    private ScheduledFuture<?> next;

    GoLiveTimer(EpisodeRepository episodes, Clock clock, EpisodeEvents events) {
        this.episodes = episodes;
        this.clock = clock;
        this.events = events;
    }

    /** Starts waiting for scheduled times from now on; what went live before now is not told again. */
    public synchronized void start() {
        if (checkedUpTo != null) {
            return;
        }
        checkedUpTo = clock.instant();
        timer.scheduleWithFixedDelay(this::checkNow, REPLAN.toMillis(), REPLAN.toMillis(), TimeUnit.MILLISECONDS);
        plan();
    }

    /** Tells of every scheduled episode whose time has come since the last check, then waits for the next one. */
    public synchronized void checkNow() {
        if (checkedUpTo == null) {
            return;
        }
        Instant now = clock.instant();
        try {
            for (Episode e : episodes.scheduledLiveBetween(checkedUpTo, now)) {
                LOG.info("Scheduled episode {} \"{}\" is live", e.id(), e.title());
                events.publish(new EpisodeEvents.WentLive(e));
            }
            checkedUpTo = now;
        } catch (RuntimeException e) {
            LOG.warn("Could not check for scheduled episodes going live; trying again soon: {}", e.toString());
        }
        plan();
    }

    /** A schedule changed here: wait for the right time. */
    synchronized void plan() {
        if (checkedUpTo == null || timer.isShutdown()) {
            return;
        }
        if (next != null) {
            next.cancel(false);
        }
        try {
            episodes.nextGoLiveAfter(checkedUpTo)
                    .ifPresent(at -> next = timer.schedule(
                            this::checkNow,
                            Math.max(0, Duration.between(clock.instant(), at).toMillis()),
                            TimeUnit.MILLISECONDS));
        } catch (RuntimeException e) {
            LOG.warn(
                    "Could not read the next scheduled time; looking again in {} s: {}",
                    REPLAN.toSeconds(),
                    e.toString());
        }
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
