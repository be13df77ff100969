package org.castkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Chapter;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.media.PlayTime;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "episodes", mixinStandardHelpOptions = true, description = "Lists the catalogue, newest first.")
final class EpisodesCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print a JSON array, one object per episode, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    /** The JSON shape scripts rely on: add fields freely, never rename or remove one. */
    record EpisodeJson(
            int id,
            String guid,
            String slug,
            String title,
            String state,
            Instant publishAt,
            Integer season,
            Integer episodeNumber,
            String episodeType,
            int durationSeconds,
            long sizeBytes,
            String mimeType,
            int bitrateKbps,
            boolean variableBitrate,
            String artist,
            String album,
            String audioPath,
            String sha256,
            String artworkPath,
            List<Chapter> chapters,
            Instant createdAt,
            Instant updatedAt,
            boolean explicit,
            String description,
            List<org.castkeeper.catalogue.Transcript> transcripts,
            List<org.castkeeper.catalogue.Person> persons,
            List<org.castkeeper.catalogue.Soundbite> soundbites) {
        /**
         * @param showExplicit the show's explicit setting, which an episode without its own follows ({@code explicit}
         *                     is what the feed says for the episode)
         */
        static EpisodeJson of(Episode e, Instant now, boolean showExplicit) {
            return new EpisodeJson(
                    e.id(),
                    e.guid(),
                    e.slug(),
                    e.title(),
                    e.stateAt(now).code(),
                    e.publishAt(),
                    e.season(),
                    e.episodeNumber(),
                    e.type().code(),
                    e.audio().durationSeconds(),
                    e.audio().sizeBytes(),
                    e.audio().mimeType(),
                    e.audio().bitrateKbps(),
                    e.audio().variableBitrate(),
                    e.artist(),
                    e.album(),
                    e.audio().path(),
                    e.audio().sha256(),
                    e.artworkPath(),
                    e.chapters(),
                    e.createdAt(),
                    e.updatedAt(),
                    e.explicit() != null ? e.explicit() : showExplicit,
                    e.description(),
                    e.transcripts(),
                    e.persons(),
                    e.soundbites());
        }
    }

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            Instant now = app.clock().instant();
            List<Episode> episodes = app.episodes().all();
            if (json) {
                ObjectMapper mapper = new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(SerializationFeature.INDENT_OUTPUT);
                out.println(mapper.writeValueAsString(episodes.stream()
                        .map(e -> EpisodeJson.of(
                                e, now, Boolean.TRUE.equals(app.show().explicit())))
                        .toList()));
            } else {
                printTable(out, episodes, now, app.timeZone());
            }
            out.flush();
            return 0;
        }
    }

    private static void printTable(PrintWriter out, List<Episode> episodes, Instant now, ZoneId zone) {
        if (episodes.isEmpty()) {
            out.println("The catalogue is empty. Put MP3 files in the episodes folder and run: castkeeper import");
            return;
        }
        DateTimeFormatter date = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(zone);
        out.printf("%-11s  %-16s  %8s  %8s  %s%n", "STATE", "PUBLISH AT", "DURATION", "SIZE", "TITLE");
        for (Episode e : episodes) {
            int s = e.audio().durationSeconds();
            out.printf(
                    "%-11s  %-16s  %8s  %8s  %s%n",
                    e.stateAt(now).code(),
                    e.publishAt() == null ? "-" : date.format(e.publishAt()),
                    PlayTime.hours(s),
                    String.format("%.1f MB", e.audio().sizeBytes() / 1_000_000.0),
                    e.title());
        }
        out.printf("%d episode%s%n", episodes.size(), episodes.size() == 1 ? "" : "s");
    }
}
