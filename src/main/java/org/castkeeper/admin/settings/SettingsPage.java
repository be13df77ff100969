package org.castkeeper.admin.settings;

import java.util.List;
import java.util.Map;

/**
 * What the show settings page shows.
 *
 * @param version        the settings' version the form was filled from (a save from an older one is refused)
 * @param values         the form's values by field name (see {@link ShowForm})
 * @param problems       what is wrong with a field, by field name
 * @param environment    the note for each field an environment variable sets, by field name
 * @param dangers        consequences the host must confirm before the save goes through; empty when none
 * @param fileChanges    settings feed-config.yml changed after it seeded the show, which are not applied
 * @param history        the latest changes: [when, who, setting, old, new]
 */
public record SettingsPage(
        String csrf,
        String feedUrl,
        long version,
        Map<String, String> values,
        Map<String, String> problems,
        Map<String, String> environment,
        List<String> categories,
        List<String> dangers,
        String error,
        String notice,
        String artworkUrl,
        String podcastGuid,
        String guidFixedAt,
        List<String> fileChanges,
        String configPath,
        List<List<String>> history,
        String latestItemXml) {

    public String value(String field) {
        return values.getOrDefault(field, "");
    }

    public boolean checked(String field) {
        return "on".equals(values.get(field)) || "true".equals(values.get(field));
    }

    public String problem(String field) {
        return problems.get(field);
    }

    public String env(String field) {
        return environment.get(field);
    }
}
