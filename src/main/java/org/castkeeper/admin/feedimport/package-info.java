/**
 * The "Move a show in" page: a feed's preview, then its import in the background with a progress bar.
 */
package org.castkeeper.admin.feedimport;
