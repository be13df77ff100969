package org.castkeeper.cli;

import java.io.PrintWriter;
import org.castkeeper.config.ConfigException;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code java -jar castkeeper.jar <command>}. Exit codes: 0 fine, 1 some work failed, 2 bad usage or config. */
@Command(
        name = "castkeeper",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "Self-hosted podcast RSS feed and episode catalogue.",
        subcommands = {
            ServeCommand.class,
            ImportCommand.class,
            ImportFeedCommand.class,
            ShowCommand.class,
            ExportCommand.class,
            StatsCommand.class,
            EpisodesCommand.class,
            UserCommand.class,
            CheckCommand.class,
            BackupCommand.class,
            RestoreCommand.class,
            DoctorCommand.class,
            MediaCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main {
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    /** Runs one command with its output going to {@code out} and {@code err}: what tests call. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        System.setProperty("org.jooq.no-logo", "true");
        System.setProperty("org.jooq.no-tips", "true");
        CommandLine cli = new CommandLine(new Main()).setOut(out).setErr(err);
        cli.setExitCodeExceptionMapper(e -> e instanceof ConfigException ? USAGE : FAILED);
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (e instanceof ConfigException) {
                commandLine.getErr().println(e.getMessage());
            } else {
                commandLine.getErr().println("castkeeper: " + e.getMessage());
                if (System.getenv("CASTKEEPER_DEBUG") != null) {
                    e.printStackTrace(commandLine.getErr());
                }
            }
            return commandLine.getExitCodeExceptionMapper().getExitCode(e);
        });
        return cli.execute(args);
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Main.class.getPackage().getImplementationVersion();
            return new String[] {"castkeeper " + (version == null ? "(development build)" : version)};
        }
    }
}
