/**
 * The listener figures page (downloads per day and per episode, apps, countries, subscribers) and its CSV.
 */
package org.castkeeper.admin.stats;
