package org.castkeeper.episodes;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.castkeeper.catalogue.Episode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happened to an episode, told to whoever subscribed (today the publish notifications: WebSub, podping). {@link EpisodeLifecycle} tells of what the host does; {@link GoLiveTimer} of scheduled episodes whose
 * time comes. Nobody has to compare snapshots to find out.
 */
public final class EpisodeEvents {
    private static final Logger LOG = LoggerFactory.getLogger(EpisodeEvents.class);

    /** One thing that happened to an episode, with the episode as it is after it. */
    public sealed interface Event permits WentLive, Changed, Deleted {
        Episode episode();
    }

    /** The episode is in the feed from now on: published now, or scheduled and its time came. */
    public record WentLive(Episode episode) implements Event {}

    /** The episode was saved: its details, its state or its files. */
    public record Changed(Episode episode) implements Event {}

    /** The episode was deleted for good (its guid is kept as a tombstone; its files are retired). */
    public record Deleted(Episode episode) implements Event {}

    private final List<Consumer<Event>> subscribers = new CopyOnWriteArrayList<>();

    public void subscribe(Consumer<Event> subscriber) {
        subscribers.add(subscriber);
    }

    /** Tells every subscriber, on this thread; one that fails is logged and does not stop the others. */
    void publish(Event event) {
        for (Consumer<Event> s : subscribers) {
            try {
                s.accept(event);
            } catch (RuntimeException e) {
                LOG.warn(
                        "A subscriber failed on {} of episode {}: {}",
                        event.getClass().getSimpleName(),
                        event.episode().id(),
                        e.toString());
            }
        }
    }
}
