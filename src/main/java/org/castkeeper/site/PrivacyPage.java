package org.castkeeper.site;

/** The public privacy note: what is counted of listeners, and what is not. */
public record PrivacyPage(SiteHead head, boolean counting) {}
