/**
 * The podcast RSS feed: {@link org.castkeeper.feed.FeedBuilder} turns the published catalogue into a Rome
 * {@code Channel}; one class per XML namespace adds its tags ({@code itunes}, {@code podcast}, {@code spotify});
 * {@link org.castkeeper.feed.FeedCache} keeps the written bytes; {@link org.castkeeper.feed.FeedController} serves
 * them with conditional GET and gzip.
 */
package org.castkeeper.feed;
