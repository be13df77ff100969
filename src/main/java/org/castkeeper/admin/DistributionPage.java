package org.castkeeper.admin;

import java.util.List;
import org.castkeeper.distribution.Check;

/** What the distribution page shows: per directory, where to submit, the listing URL, and the checks. */
public record DistributionPage(
        String csrf, String feedUrl, List<Entry> directories, List<List<String>> feedSettings, String error) {

    /** Where on the settings page the host fixes {@code check}, or null when the fix is not a show setting. */
    public static String fixLink(Check check) {
        return check.setting() == null ? null : "/admin/settings#" + ShowForm.fieldOfKey(check.setting());
    }

    /** One directory's part of the page. */
    public record Entry(
            String code,
            String title,
            String submitUrl,
            String listingUrl,
            long failing,
            long warnings,
            List<Check> checks) {}
}
