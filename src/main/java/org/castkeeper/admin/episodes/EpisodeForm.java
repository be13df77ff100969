package org.castkeeper.admin.episodes;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import org.castkeeper.admin.shared.FormProblems;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.catalogue.EpisodeRules;
import org.castkeeper.catalogue.EpisodeType;
import org.castkeeper.episodes.EpisodeLifecycle;
import org.castkeeper.feed.ShowNotesHtml;

/**
 * The episode editor's fields as text: filled from the episode, or as the host typed them, so that a refused or
 * unconfirmed save shows everything again exactly as typed.
 *
 * @param typed whether the details came from the form (the old single-button forms send only a state change)
 */
public record EpisodeForm(
        boolean typed,
        String title,
        String notes,
        String season,
        String number,
        String type,
        String explicit,
        String chapters,
        String soundbites,
        String socialUri,
        String date,
        String time) {

    static EpisodeForm of(Episode e, Instant schedule, ZoneId zone) {
        var local = schedule.atZone(zone);
        return new EpisodeForm(
                false,
                e.title(),
                e.notesMarkdown() != null ? e.notesMarkdown() : ShowNotesHtml.toPlainText(e.description()),
                e.season() == null ? "" : e.season().toString(),
                e.episodeNumber() == null ? "" : e.episodeNumber().toString(),
                e.type().code(),
                e.explicit() == null ? "" : e.explicit().toString(),
                ChapterText.format(e.chapters()),
                SoundbiteText.format(e.soundbites()),
                e.socialUri() == null ? "" : e.socialUri(),
                local.toLocalDate().toString(),
                local.toLocalTime().withSecond(0).withNano(0).toString());
    }

    static EpisodeForm typed(Context ctx, Episode e, Instant schedule, ZoneId zone) {
        EpisodeForm stored = of(e, schedule, zone);
        if (ctx.formParam("title") == null) {
            return new EpisodeForm(
                    false,
                    stored.title(),
                    stored.notes(),
                    stored.season(),
                    stored.number(),
                    stored.type(),
                    stored.explicit(),
                    stored.chapters(),
                    stored.soundbites(),
                    stored.socialUri(),
                    or(ctx.formParam("date"), stored.date()),
                    or(ctx.formParam("time"), stored.time()));
        }
        return new EpisodeForm(
                true,
                ctx.formParam("title"),
                or(ctx.formParam("notes"), ""),
                or(ctx.formParam("season"), ""),
                or(ctx.formParam("number"), ""),
                or(ctx.formParam("type"), "full"),
                or(ctx.formParam("explicit"), ""),
                or(ctx.formParam("chapters"), ""),
                or(ctx.formParam("soundbites"), ""),
                or(ctx.formParam("socialUri"), ""),
                or(ctx.formParam("date"), stored.date()),
                or(ctx.formParam("time"), stored.time()));
    }

    boolean hasDetails() {
        return typed;
    }

    /**
     * The typed details, checked by the episode rules: every broken rule is found in one pass and refused together
     * ({@link FormProblems}), each naming its field.
     */
    EpisodeLifecycle.Details details(Episode e) throws FormProblems {
        FormProblems.Collector problems = new FormProblems.Collector();
        String cleanTitle = problems.check("title", () -> EpisodeRules.title(title));
        String markdown = problems.check("notes", () -> EpisodeRules.notes(notes));
        Integer seasonNumber = problems.check("season", () -> EpisodeRules.positiveNumber(season, "season", "Season"));
        Integer episodeNumber =
                problems.check("number", () -> EpisodeRules.positiveNumber(number, "number", "Episode number"));
        EpisodeType episodeType = null;
        try {
            episodeType = EpisodeType.fromCode(type);
        } catch (IllegalArgumentException bad) {
            problems.add("type", "Type must be full, trailer or bonus.");
        }
        Boolean explicitFlag = null;
        switch (explicit) {
            case "" -> explicitFlag = null;
            case "true" -> explicitFlag = true;
            case "false" -> explicitFlag = false;
            default -> problems.add("explicit", "Explicit must be yes, no or as the show.");
        }
        long audioMillis = e.audio().durationSeconds() * 1000L;
        var chapterList = problems.check("chapters", () -> ChapterText.parse(chapters, audioMillis));
        var soundbiteList = problems.check("soundbites", () -> SoundbiteText.parse(soundbites, audioMillis));
        String thread = socialUri.strip();
        if (!thread.isEmpty() && !thread.matches("(?i)https?://\\S+")) {
            problems.add("socialUri", "Comments post must be the address of the post, starting with https://");
        }
        problems.throwIfAny();
        return new EpisodeLifecycle.Details(
                cleanTitle,
                markdown,
                Markdown.toHtml(markdown),
                seasonNumber,
                episodeNumber,
                episodeType,
                explicitFlag,
                chapterList,
                soundbiteList,
                thread.isEmpty() ? null : thread);
    }

    /** The schedule date and time, in the show's time zone. */
    Instant scheduleInstant(ZoneId zone) {
        return LocalDate.parse(date.strip())
                .atTime(LocalTime.parse(time.strip()))
                .atZone(zone)
                .toInstant();
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
