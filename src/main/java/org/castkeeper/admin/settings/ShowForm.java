package org.castkeeper.admin.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.config.ConfigProblem;
import org.castkeeper.config.FeedExtras;
import org.castkeeper.config.ShowSettings;

/**
 * The show settings form: its fields as the host sees them, filled from the show's settings, and read back into
 * settings. Lists (persons, funding, podroll ...) are one entry per line with parts separated by "|", as the
 * chapters are in the episode editor, so nothing here needs a script to add a row.
 *
 * <p>Reading never throws: what cannot be read becomes a problem on its field, and the page shows the form again
 * with everything the host typed.
 */
public final class ShowForm {
    /** A form field: its name, its label for the host, and the settings key (as in feed-config.yml) it edits. */
    record Field(String name, String label, String key) {}

    static final List<Field> FIELDS = List.of(
            new Field("title", "Title", "title"),
            new Field("description", "Description", "description"),
            new Field("author", "Author", "author"),
            new Field("language", "Language", "language"),
            new Field("category1", "Main category", "categories"),
            new Field("category2", "Second category", "categories[1]"),
            new Field("category3", "Third category", "categories[2]"),
            new Field("explicit", "Explicit", "explicit"),
            new Field("type", "Type", "type"),
            new Field("ownerName", "Owner name", "owner.name"),
            new Field("ownerEmail", "Owner email", "owner.email"),
            new Field("hideEmail", "Hide the owner email", "owner.hideEmail"),
            new Field("hideLockedEmail", "Hide the owner email from podcast:locked", "owner.hideLockedEmail"),
            new Field("link", "Website", "link"),
            new Field("copyright", "Copyright", "copyright"),
            new Field("timeZone", "Time zone", "timeZone"),
            new Field("medium", "Medium", "medium"),
            new Field("persons", "People", "persons"),
            new Field("funding", "Funding", "funding"),
            new Field("locationName", "Location", "location"),
            new Field("locationGeo", "Location geo URI", "location.geo"),
            new Field("licenseName", "Licence", "license"),
            new Field("licenseUrl", "Licence URL", "license.url"),
            new Field("updateText", "Update frequency", "updateFrequency"),
            new Field("updateRrule", "Update rule", "updateFrequency.rrule"),
            new Field("txt", "Verification codes and text", "txt"),
            new Field("aiContent", "Made with AI", "txt"),
            new Field("podroll", "Recommended shows", "podroll"),
            new Field("valueRecipients", "Value-for-value recipients", "value"),
            new Field("socialProtocol", "Comments protocol", "socialInteract.protocol"),
            new Field("socialUri", "Comments address", "socialInteract"),
            new Field("spotifyLimit", "Spotify episode limit", "spotify.limit"),
            new Field("spotifyCountry", "Spotify countries", "spotify.countryOfOrigin"),
            new Field("locked", "Locked", "locked"),
            new Field("blockApple", "Block from Apple Podcasts", "blockFrom"),
            new Field("blockYoutube", "Block from YouTube Music", "blockFrom[1]"),
            new Field("blockAll", "Block from every directory", "block"),
            new Field("complete", "Complete", "complete"),
            new Field("newFeedUrl", "New feed address", "newFeedUrl"),
            new Field("podcastGuid", "Show guid", "podcastGuid"),
            new Field("op3", "Count downloads with OP3 too", "op3"),
            new Field("artwork", "Show artwork", "artwork"));

    private ShowForm() {}

    /** The form's values for {@code show}, by field name. */
    static Map<String, String> values(ShowSettings show) {
        Map<String, String> v = new LinkedHashMap<>();
        v.put("title", text(show.title()));
        v.put("description", text(show.description()));
        v.put("author", text(show.author()));
        v.put("language", text(show.language()));
        for (int i = 0; i < 3; i++) {
            v.put(
                    "category" + (i + 1),
                    i < show.categories().size() ? category(show.categories().get(i)) : "");
        }
        v.put("explicit", Boolean.TRUE.equals(show.explicit()) ? "true" : "false");
        v.put("type", show.type());
        v.put("ownerName", show.owner() == null ? "" : text(show.owner().name()));
        v.put("ownerEmail", show.owner() == null ? "" : text(show.owner().email()));
        v.put("hideEmail", flag(show.owner() != null && show.owner().hideEmail()));
        v.put("hideLockedEmail", flag(show.owner() != null && show.owner().hideLockedEmail()));
        v.put("op3", flag(show.op3()));
        v.put("link", text(show.link()));
        v.put("copyright", text(show.copyright()));
        v.put("timeZone", show.timeZone());
        v.put("medium", text(show.medium()));
        v.put("persons", lines(show.persons(), p -> join(p.name(), p.role(), p.group(), p.img(), p.href())));
        v.put("funding", lines(show.funding(), f -> join(f.url(), f.text())));
        v.put(
                "locationName",
                show.location() == null ? "" : text(show.location().name()));
        v.put("locationGeo", show.location() == null ? "" : text(show.location().geo()));
        v.put("licenseName", show.license() == null ? "" : text(show.license().name()));
        v.put("licenseUrl", show.license() == null ? "" : text(show.license().url()));
        v.put(
                "updateText",
                show.updateFrequency() == null
                        ? ""
                        : text(show.updateFrequency().text()));
        v.put(
                "updateRrule",
                show.updateFrequency() == null
                        ? ""
                        : text(show.updateFrequency().rrule()));
        v.put(
                "txt",
                lines(
                        show.txt().stream()
                                .filter(t -> !FeedExtras.Txt.AI_CONTENT.equals(t.purpose()))
                                .toList(),
                        t -> join(t.purpose(), t.value())));
        v.put(
                "aiContent",
                show.txt().stream()
                        .filter(t -> FeedExtras.Txt.AI_CONTENT.equals(t.purpose()))
                        .map(FeedExtras.Txt::value)
                        .findFirst()
                        .orElse(""));
        v.put("podroll", lines(show.podroll(), r -> join(r.feedGuid(), r.feedUrl())));
        v.put(
                "valueRecipients",
                show.value() == null
                        ? ""
                        : lines(
                                show.value().recipients(),
                                r -> join(
                                        r.name(),
                                        r.type(),
                                        r.address(),
                                        r.split() == null ? null : r.split().toString())));
        v.put(
                "socialProtocol",
                show.socialInteract() == null ? "" : text(show.socialInteract().protocol()));
        v.put(
                "socialUri",
                show.socialInteract() == null ? "" : text(show.socialInteract().uri()));
        v.put(
                "spotifyLimit",
                show.spotify() == null || show.spotify().limit() == null
                        ? ""
                        : show.spotify().limit().toString());
        v.put(
                "spotifyCountry",
                show.spotify() == null ? "" : text(show.spotify().countryOfOrigin()));
        v.put("locked", flag(show.locked()));
        v.put("blockApple", flag(show.blockFrom().contains("apple")));
        v.put("blockYoutube", flag(show.blockFrom().contains("youtube")));
        v.put("blockAll", flag(show.block()));
        v.put("complete", flag(show.complete()));
        v.put("newFeedUrl", text(show.newFeedUrl()));
        v.put("podcastGuid", text(show.podcastGuid()));
        return v;
    }

    /** What the form says, or the problems that stop it, by field name. */
    record Read(ShowSettings settings, Map<String, String> problems) {}

    /**
     * The settings the form describes. What the form does not edit (the artwork, podcast:guid, the value block's
     * type) is taken from {@code current}.
     */
    static Read read(Map<String, String> form, ShowSettings current) {
        Map<String, String> problems = new LinkedHashMap<>();
        List<ShowSettings.Category> categories = new ArrayList<>();
        for (int i = 1; i <= 3; i++) {
            String picked = get(form, "category" + i);
            if (picked != null) {
                String[] parts = picked.split(" › ", 2);
                categories.add(new ShowSettings.Category(parts[0], parts.length > 1 ? parts[1] : null));
            }
        }
        List<String> blockFrom = new ArrayList<>();
        if (checked(form, "blockApple")) {
            blockFrom.add("apple");
        }
        if (checked(form, "blockYoutube")) {
            blockFrom.add("youtube");
        }
        List<FeedExtras.Person> persons = rows(
                form,
                "persons",
                1,
                5,
                problems,
                p -> new FeedExtras.Person(p[0], part(p, 1), part(p, 2), part(p, 3), part(p, 4)));
        List<FeedExtras.Funding> funding =
                rows(form, "funding", 1, 2, problems, p -> new FeedExtras.Funding(p[0], part(p, 1)));
        List<FeedExtras.Txt> txt =
                new java.util.ArrayList<>(rows(form, "txt", 2, 2, problems, p -> new FeedExtras.Txt(p[0], p[1])));
        // "Made with AI" is its own yes/no choice: the namespace defines only true and false for it.
        if (txt.removeIf(t -> FeedExtras.Txt.AI_CONTENT.equals(t.purpose()))) {
            problems.putIfAbsent("txt", "Say whether AI made the content with the \"Made with AI\" choice, not here.");
        }
        String aiContent = get(form, "aiContent");
        if (aiContent != null) {
            txt.add(new FeedExtras.Txt(FeedExtras.Txt.AI_CONTENT, aiContent));
        }
        List<FeedExtras.RemoteItem> podroll =
                rows(form, "podroll", 1, 2, problems, p -> new FeedExtras.RemoteItem(p[0], part(p, 1)));
        List<FeedExtras.ValueRecipient> recipients = rows(form, "valueRecipients", 4, 4, problems, p -> {
            Integer split = wholeNumber(p[3]);
            return new FeedExtras.ValueRecipient(
                    p[0], p[1], p[2], split == null ? Integer.valueOf(-1) : split, null, null);
        });
        Integer spotifyLimit = null;
        String limit = get(form, "spotifyLimit");
        if (limit != null) {
            spotifyLimit = wholeNumber(limit);
            if (spotifyLimit == null) {
                problems.put("spotifyLimit", "Give a whole number, such as 10, or leave it empty.");
            }
        }
        String spotifyCountry = get(form, "spotifyCountry");
        FeedExtras.Value value = recipients.isEmpty()
                ? null
                : new FeedExtras.Value(
                        current.value() == null ? null : current.value().type(),
                        current.value() == null ? null : current.value().method(),
                        current.value() == null ? null : current.value().suggested(),
                        recipients);
        String socialUri = get(form, "socialUri");
        String updateText = get(form, "updateText");
        String updateRrule = get(form, "updateRrule");
        String locationName = get(form, "locationName");
        String licenseName = get(form, "licenseName");
        ShowSettings settings = new ShowSettings(
                line(form, "title"),
                text(form, "description"),
                line(form, "author"),
                get(form, "language"),
                categories,
                checked(form, "explicit"),
                get(form, "type"),
                new ShowSettings.Owner(
                        line(form, "ownerName"),
                        get(form, "ownerEmail"),
                        checked(form, "hideEmail"),
                        checked(form, "hideLockedEmail")),
                get(form, "link"),
                current.artwork(),
                line(form, "copyright"),
                get(form, "timeZone"),
                checked(form, "locked"),
                checked(form, "blockAll"),
                blockFrom,
                checked(form, "complete"),
                get(form, "newFeedUrl"),
                get(form, "podcastGuid") == null ? current.podcastGuid() : get(form, "podcastGuid"),
                get(form, "medium"),
                funding,
                persons,
                locationName == null && get(form, "locationGeo") == null
                        ? null
                        : new FeedExtras.Location(
                                locationName,
                                get(form, "locationGeo"),
                                current.location() == null
                                        ? null
                                        : current.location().osm()),
                licenseName == null && get(form, "licenseUrl") == null
                        ? null
                        : new FeedExtras.License(licenseName, get(form, "licenseUrl")),
                txt,
                updateText == null && updateRrule == null
                        ? null
                        : new FeedExtras.UpdateFrequency(
                                updateText,
                                updateRrule,
                                current.updateFrequency() == null
                                        ? null
                                        : current.updateFrequency().complete(),
                                current.updateFrequency() == null
                                        ? null
                                        : current.updateFrequency().dtstart()),
                spotifyLimit == null && spotifyCountry == null
                        ? null
                        : new FeedExtras.Spotify(spotifyLimit, spotifyCountry),
                podroll,
                value,
                socialUri == null && get(form, "socialProtocol") == null
                        ? null
                        : new FeedExtras.SocialInteract(
                                get(form, "socialProtocol"),
                                socialUri,
                                current.socialInteract() == null
                                        ? null
                                        : current.socialInteract().accountId(),
                                current.socialInteract() == null
                                        ? null
                                        : current.socialInteract().accountUrl()),
                checked(form, "op3"));
        return new Read(settings, problems);
    }

    /** The field a problem found by the show rules belongs to ("show.owner.email" is ownerEmail's). */
    static String fieldOf(ConfigProblem problem) {
        String key = problem.key().replaceFirst("^show\\.", "");
        Field best = null;
        for (Field f : FIELDS) {
            String k = f.key();
            boolean matches = key.equals(k) || key.startsWith(k + ".") || key.startsWith(k + "[");
            if (matches && (best == null || k.length() > best.key().length())) {
                best = f;
            }
        }
        if (key.startsWith("categories[")) {
            int index = key.charAt("categories[".length()) - '0';
            return "category" + (index + 1);
        }
        return best == null ? "title" : best.name();
    }

    static String label(String field) {
        return FIELDS.stream()
                .filter(f -> f.name().equals(field))
                .map(Field::label)
                .findFirst()
                .orElse(field);
    }

    /**
     * A stored setting's key as the host knows it, for the change log: its field's label, and which entry of a
     * list ("funding[0].text" is "Funding, line 1: text").
     */
    static String settingName(String key) {
        if (key.startsWith("blockFrom")) {
            return "Keep the show out of a directory";
        }
        String field = fieldOfKey(key);
        String label = label(field);
        java.util.regex.Matcher list = java.util.regex.Pattern.compile("^(\\w+)\\[(\\d+)](?:\\.(\\w+))?$")
                .matcher(key);
        if (list.matches()
                && !key.startsWith("categories[")
                && !key.startsWith("blockFrom[")
                && FIELDS.stream().noneMatch(f -> f.key().equals(key))) {
            String part = list.group(3);
            return label + ", line " + (Integer.parseInt(list.group(2)) + 1) + (part == null ? "" : ": " + part);
        }
        return label;
    }

    /** The field of a settings key, for the environment notes and the readiness fix-it links. */
    public static String fieldOfKey(String key) {
        return fieldOf(new ConfigProblem("show." + key, 0, ""));
    }

    /**
     * Rows of a list field: one per non-empty line, parts split on "|". A line with too few or too many parts is a
     * problem on the field, naming the line.
     */
    private static <T> List<T> rows(
            Map<String, String> form,
            String field,
            int minParts,
            int maxParts,
            Map<String, String> problems,
            Function<String[], T> make) {
        List<T> rows = new ArrayList<>();
        String text = form.get(field);
        if (text == null) {
            return rows;
        }
        String[] lines = text.split("\\R");
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            String[] parts = lines[i].split("\\|", -1);
            for (int p = 0; p < parts.length; p++) {
                parts[p] = parts[p].strip();
            }
            if (parts.length < minParts || parts.length > maxParts || parts[0].isEmpty()) {
                problems.putIfAbsent(
                        field,
                        "Line " + (i + 1) + " (\"" + lines[i].strip() + "\") needs "
                                + (minParts == maxParts ? minParts : minParts + " to " + maxParts)
                                + " parts separated by |, the first not empty.");
                continue;
            }
            rows.add(make.apply(parts));
        }
        return rows;
    }

    private static String part(String[] parts, int i) {
        return i < parts.length && !parts[i].isEmpty() ? parts[i] : null;
    }

    private static Integer wholeNumber(String text) {
        try {
            int n = Integer.parseInt(text.strip());
            return n < 0 ? null : n;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** A form value, stripped; null when absent or blank (the setting is then not set). */
    private static String get(Map<String, String> form, String name) {
        String v = form.get(name);
        return v == null || v.isBlank() ? null : v.strip();
    }

    /** One line of text, cleaned as episode titles are (no control or bidi-override characters); null when empty. */
    private static String line(Map<String, String> form, String name) {
        String v = EpisodeRules.cleanLine(form.get(name));
        return v.isEmpty() ? null : v;
    }

    /** Several lines of text, cleaned of control and bidi-override characters; null when empty. */
    private static String text(Map<String, String> form, String name) {
        String v = form.get(name) == null
                ? ""
                : EpisodeRules.cleanText(form.get(name)).strip();
        return v.isEmpty() ? null : v;
    }

    private static boolean checked(Map<String, String> form, String name) {
        return "on".equals(form.get(name)) || "true".equals(form.get(name));
    }

    static String category(ShowSettings.Category c) {
        return c.subcategory() == null ? c.category() : c.category() + " › " + c.subcategory();
    }

    private static String flag(boolean on) {
        return on ? "on" : "";
    }

    private static String text(String s) {
        return s == null ? "" : s;
    }

    private static <T> String lines(List<T> items, Function<T, String> line) {
        return String.join("\n", items.stream().map(line).toList());
    }

    /** Parts joined with " | ", trailing empty parts left out. */
    private static String join(String... parts) {
        int last = parts.length - 1;
        while (last > 0 && (parts[last] == null || parts[last].isEmpty())) {
            last--;
        }
        StringBuilder line = new StringBuilder();
        for (int i = 0; i <= last; i++) {
            if (i > 0) {
                line.append(" | ");
            }
            line.append(parts[i] == null ? "" : parts[i]);
        }
        return line.toString();
    }
}
