/**
 * The podcast RSS feed: {@link org.castkeeper.feed.FeedBuilder} turns what is published (the show's settings and
 * its live episodes) into a Rome {@code Channel}; one class per XML namespace adds its tags ({@code itunes},
 * {@code podcast}, {@code psc}, {@code spotify}, {@code googleplay}); {@link org.castkeeper.feed.FeedCache} keeps
 * the written bytes, each episode's item written once by Rome and the pages joined from those parts
 * ({@code FeedParts}, {@code FeedAssembler}, {@code GzipJoin}); {@link org.castkeeper.feed.FeedController} serves
 * them with conditional GET and gzip.
 */
package org.castkeeper.feed;
