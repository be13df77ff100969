package org.castkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.analytics.Stats;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Downloads per episode, counted as the IAB Podcast Measurement Guidelines v2.2 count them: all time and",
            "in each episode's first 7 and 30 days. Spotify re-hosts the audio, so its plays are not here."
        })
final class StatsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print JSON, for scripts.")
    boolean json;

    @Option(names = "--episode", paramLabel = "SLUG", description = "Only this episode.")
    String episode;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            List<Stats.EpisodeStats> stats = new Stats(app.database().dsl(), app.episodes()).perEpisode(episode);
            if (json) {
                out.println(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(stats));
            } else {
                out.printf("%-9s %-9s %-9s  %s%n", "All time", "7 days", "30 days", "Episode");
                for (Stats.EpisodeStats s : stats) {
                    out.printf(
                            "%-9d %-9d %-9d  %s%s%n",
                            s.downloads(),
                            s.downloadsFirst7Days(),
                            s.downloadsFirst30Days(),
                            s.title(),
                            s.partial()
                                    ? (s.countedSince() == null
                                            ? " (nothing counted yet)"
                                            : " (no data before " + s.countedSince() + ")")
                                    : "");
                }
            }
            out.flush();
            return 0;
        }
    }
}
