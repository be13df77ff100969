package org.castkeeper.admin;

import java.util.List;

/** What the show settings page shows. {@code values} holds [label, value] pairs. */
public record SettingsPage(String csrf, String feedUrl, String configPath, List<List<String>> values,
                           List<String> warnings, String latestItemXml) {
}
