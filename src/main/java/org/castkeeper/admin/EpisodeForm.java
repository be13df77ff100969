package org.castkeeper.admin;

import io.javalin.http.Context;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
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

    /** The typed details, checked by the episode rules; the first broken rule is thrown, naming its field. */
    EpisodeLifecycle.Details details(Episode e) throws EpisodeRules.Refused, InvalidInput {
        String cleanTitle = EpisodeRules.title(title);
        String markdown = EpisodeRules.notes(notes);
        Integer seasonNumber = EpisodeRules.positiveNumber(season, "season", "Season");
        Integer episodeNumber = EpisodeRules.positiveNumber(number, "number", "Episode number");
        EpisodeType episodeType;
        try {
            episodeType = EpisodeType.fromCode(type);
        } catch (IllegalArgumentException bad) {
            throw new InvalidInput("Type must be full, trailer or bonus.", 422, "type");
        }
        Boolean explicitFlag = switch (explicit) {
            case "" -> null;
            case "true" -> true;
            case "false" -> false;
            default -> throw new InvalidInput("Explicit must be yes, no or as the show.", 422, "explicit");
        };
        long audioMillis = e.audio().durationSeconds() * 1000L;
        var chapterList = parse(() -> ChapterText.parse(chapters, audioMillis), "chapters");
        var soundbiteList = parse(() -> SoundbiteText.parse(soundbites, audioMillis), "soundbites");
        String thread = socialUri.strip();
        if (!thread.isEmpty() && !thread.matches("(?i)https?://\\S+")) {
            throw new InvalidInput(
                    "Comments post must be the address of the post, starting with https://", 422, "socialUri");
        }
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

    private interface Parse<T> {
        T run() throws InvalidInput;
    }

    private static <T> T parse(Parse<T> parse, String field) throws InvalidInput {
        try {
            return parse.run();
        } catch (InvalidInput invalid) {
            throw invalid.at(field);
        }
    }

    private static String or(String value, String otherwise) {
        return value == null ? otherwise : value;
    }
}
