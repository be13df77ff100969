package org.castkeeper.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.PrintWriter;
import java.time.Clock;
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
            "Downloads, counted as the IAB Podcast Measurement Guidelines v2.2 count them, today's included: per",
            "episode all time, in its first 7 and 30 days and in the last N days; per day; top apps, countries and",
            "subscriber counts. The same numbers as the admin's Stats page. Spotify re-hosts the audio, so its",
            "plays are not here."
        })
final class StatsCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(
            names = "--json",
            description = "Print JSON, for scripts: a list of episodes, each with slug, title, downloads,"
                    + " downloadsFirst7Days, downloadsFirst30Days and downloadsLastDays (the last N days).")
    boolean json;

    @Option(names = "--episode", paramLabel = "SLUG", description = "Only this episode.")
    String episode;

    @Option(
            names = "--days",
            paramLabel = "N",
            defaultValue = "30",
            description = "The last N days (today included) for the per-day table, apps and countries. Default: 30.")
    int days;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        if (days < 1) {
            spec.commandLine().getErr().println("--days must be 1 or more.");
            return 2;
        }
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            Stats.Report report = app.stats().report(days, episode);
            if (episode != null && report.episodes().isEmpty()) {
                spec.commandLine().getErr().println("No published episode has the slug " + episode + ".");
                return 1;
            }
            if (json) {
                out.println(new ObjectMapper()
                        .registerModule(new JavaTimeModule())
                        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
                        .enable(SerializationFeature.INDENT_OUTPUT)
                        .writeValueAsString(report.episodes()));
            } else {
                print(out, report);
            }
            out.flush();
            return 0;
        }
    }

    private void print(PrintWriter out, Stats.Report report) {
        out.println(
                report.countedSince() == null
                        ? "Nothing counted yet."
                        : "Counting since " + report.countedSince() + " (UTC days).");
        out.println();
        out.printf("%-9s %-9s %-9s %-9s  %s%n", "All time", "7 days", "30 days", "Last " + days, "Episode");
        for (Stats.EpisodeStats s : report.episodes()) {
            out.printf(
                    "%-9d %-9d %-9d %-9d  %s%s%n",
                    s.downloads(),
                    s.downloadsFirst7Days(),
                    s.downloadsFirst30Days(),
                    s.downloadsLastDays(),
                    s.title(),
                    s.partial()
                            ? (s.countedSince() == null
                                    ? " (nothing counted yet)"
                                    : " (no data before " + s.countedSince() + ")")
                            : "");
        }
        out.println();
        out.println("Downloads per day, " + report.from() + " to " + report.to() + ": " + report.windowTotal());
        for (Stats.Day d : report.days()) {
            out.printf("  %s  %d%n", d.day(), d.downloads());
        }
        share(out, "Apps", report.apps());
        share(out, "Countries", report.countries());
        if (!report.subscribers().isEmpty()) {
            out.println();
            out.println("Subscribers reported by aggregators (latest):");
            for (Stats.Subscribers s : report.subscribers()) {
                out.printf("  %-30s %d (%s)%n", s.aggregator(), s.subscribers(), s.seenAt());
            }
        }
        if (!report.flags().isEmpty()) {
            out.println();
            out.println("Unusual: one address behind a large share of an episode's downloads (counted; worth a look):");
            for (Stats.Flag f : report.flags()) {
                out.printf("  %s  %s: %d of %d%n", f.day(), f.episodeTitle(), f.downloads(), f.ofAll());
            }
        }
    }

    private static void share(PrintWriter out, String title, java.util.List<Stats.Share> shares) {
        if (shares.isEmpty()) {
            return;
        }
        out.println();
        out.println(title + ":");
        for (Stats.Share s : shares) {
            out.printf("  %-30s %d%n", s.name(), s.downloads());
        }
    }
}
