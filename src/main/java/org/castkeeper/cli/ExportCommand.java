package org.castkeeper.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.feedimport.ShowExport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "export",
        mixinStandardHelpOptions = true,
        description = {
            "Writes everything the show needs to move to another host into DIR: feed.xml (every live episode,",
            "one page), the media, the artwork, each episode's chapters and catalogue.json (every episode).",
            "Serve DIR at --base URL and import that feed at the new host; the guids, dates and files come along.",
            "Running it again updates DIR, copying only what changed."
        })
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Parameters(paramLabel = "DIR", description = "The folder to write (made if missing).")
    Path dir;

    @Option(
            names = "--base",
            paramLabel = "URL",
            description = "Where DIR will be served, e.g. https://files.example.org/my-show: the feed's enclosure"
                    + " and image URLs start with it. Without it they are file: URLs of DIR.")
    String base;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            ShowExport.Summary s = app.export().export(dir, base);
            out.printf(
                    "Exported %d episodes (%d in the feed), %d files (%d MB) to %s%nFeed: %s%n",
                    s.episodes(), s.inFeed(), s.files(), s.bytes() / (1024 * 1024), dir.toAbsolutePath(), s.feedUrl());
            out.flush();
            return 0;
        }
    }
}
