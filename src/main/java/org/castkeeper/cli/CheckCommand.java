package org.castkeeper.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.distribution.Check;
import org.castkeeper.distribution.Directory;
import org.castkeeper.distribution.ReadinessChecks;
import org.castkeeper.feedimport.CutOverCheck;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "check",
        mixinStandardHelpOptions = true,
        description = {
            "Checks the feed, artwork and media against what Apple Podcasts, Spotify and YouTube Music "
                    + "require, fetching the media as they do.",
            "Exits with 1 when any directory has a failing check, so it can run in a host's own CI."
        })
final class CheckCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(
            names = "--media-url",
            paramLabel = "URL",
            description = "Fetch the media from this address instead of "
                    + "server.publicUrl, e.g. http://127.0.0.1:8080 on the machine that runs Castkeeper.")
    String mediaUrl;

    @Option(
            names = "--old-feed",
            paramLabel = "URL",
            description = "Check a show's move instead: URL (the old feed) must answer 301 or 308 to our feed or"
                    + " name it in itunes:new-feed-url, every old guid must be in our feed, our podcast:guid"
                    + " the old one, and each old enclosure must answer with the size we hold.")
    String oldFeed;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            if (oldFeed != null) {
                List<CutOverCheck.Finding> findings = app.cutOverCheck().run(oldFeed);
                out.println("Moving from " + oldFeed + " to " + app.urls().feed() + ":");
                for (CutOverCheck.Finding f : findings) {
                    out.printf("  %-4s %-13s %s%n", f.status(), f.name(), f.message());
                }
                out.flush();
                return findings.stream().anyMatch(f -> f.status() == CutOverCheck.Status.FAIL) ? Main.FAILED : 0;
            }
            ReadinessChecks.Report report =
                    app.readiness().run(mediaUrl == null ? null : mediaUrl.replaceAll("/+$", ""));
            for (Directory directory : Directory.values()) {
                List<Check> checks = report.checks().get(directory);
                out.printf(
                        "%s: %d failing, %d warnings%n",
                        directory.title(),
                        report.count(directory, Check.Status.FAIL),
                        report.count(directory, Check.Status.WARN));
                for (Check c : checks) {
                    out.printf("  %-4s %-20s %s%n", c.status(), c.name(), c.message());
                    if (!c.fix().isEmpty()) {
                        out.printf("       %-20s fix: %s%n", "", c.fix());
                    }
                }
            }
            out.println("Feed: " + app.urls().feed());
            out.flush();
            return report.anyFailing() ? Main.FAILED : 0;
        }
    }
}
