/**
 * Moving a show in from its old RSS feed ({@link org.castkeeper.feedimport.FeedImport}): the feed read whole
 * across its pages, each item made an episode under its own guid, its audio and small files downloaded from the
 * old host. The rest of the package is its parts: reading the feed, its dates and text, and downloading.
 */
package org.castkeeper.feedimport;
