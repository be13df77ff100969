package org.castkeeper.admin.feedimport;

import org.castkeeper.feedimport.FeedImportJobs;

/**
 * What the import page shows: the form, and the running or last import.
 *
 * @param status    the running or last import, or null when none ran since the server started
 * @param startedAt when it started, in the show's zone
 */
public record ImportPage(String csrf, String url, String error, FeedImportJobs.Status status, String startedAt) {}
