package org.castkeeper.site;

/** An episode page that is not there: deleted for good (410) or never was (404), in the site's own look. */
public record MissingPage(SiteHead head, String heading, String explanation) {}
