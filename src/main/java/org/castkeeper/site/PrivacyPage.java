package org.castkeeper.site;

/**
 * The public privacy note: what is counted of listeners, and what is not.
 *
 * @param keepRawDays days each download's record is kept before only the day's totals remain
 * @param countries   whether the country of each download is looked up (a GeoIP database is configured)
 * @param op3         whether the feed sends downloads through OP3, a third party
 */
public record PrivacyPage(SiteHead head, boolean counting, int keepRawDays, boolean countries, boolean op3) {}
