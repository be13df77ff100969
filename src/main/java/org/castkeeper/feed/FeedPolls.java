package org.castkeeper.feed;

/**
 * Told of every request for the feed, with its User-Agent, for the subscriber counts some aggregators report in it
 * ("…; 1,234 subscribers"). Called on the network thread that answers the poll, so it must never block and must
 * cost next to nothing for the agents that report no count.
 */
public interface FeedPolls {
    void polled(String userAgent);

    /** Nothing recorded. */
    FeedPolls NONE = userAgent -> {};
}
