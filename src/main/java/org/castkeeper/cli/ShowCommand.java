package org.castkeeper.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.ShowSettingsRepository;
import org.castkeeper.config.ShowJson;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "show",
        mixinStandardHelpOptions = true,
        description = {
            "Prints the show's settings as stored in the catalogue (what the admin's settings page edits).",
            "CASTKEEPER_SHOW_* environment variables, which override them in the feed, are not applied."
        })
final class ShowCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(names = "--json", description = "Print them as JSON, for scripts.")
    boolean json;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            ShowSettingsRepository.Stored stored = app.showSettings().load();
            if (json) {
                out.println(ShowJson.write(stored.settings()));
            } else {
                ShowJson.flatten(stored.settings()).forEach((key, value) -> out.println(key + ": " + value));
                out.println("(last changed by " + stored.updatedBy() + ")");
            }
            out.flush();
            return 0;
        }
    }
}
