package org.castkeeper.cli;

import java.io.BufferedReader;
import java.io.Console;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Arrays;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.auth.Accounts;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(
        name = "user",
        mixinStandardHelpOptions = true,
        description = "Manages the host accounts that may sign in to /admin.",
        subcommands = {
            UserCommand.Add.class,
            UserCommand.Passwd.class,
            UserCommand.Remove.class,
            UserCommand.ListAccounts.class
        })
final class UserCommand {

    /** What a subcommand does with the open accounts; may refuse with a message for the host. */
    private interface AccountWork {
        String run(Castkeeper app) throws Accounts.AccountException;
    }

    /**
     * Opens the catalogue, runs {@code work} and prints what it says; a refusal is printed as an error with the
     * usage exit code. {@code askPassword}: read a password first (a missing one is a usage error).
     */
    private static int withAccounts(
            ConfigOption config,
            CommandSpec spec,
            boolean askPassword,
            java.util.function.Function<String, AccountWork> work)
            throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        String password = askPassword ? Add.readPassword(out) : null;
        if (askPassword && password == null) {
            err.println("castkeeper: no password given");
            return Main.USAGE;
        }
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            out.println(work.apply(password).run(app));
            return 0;
        } catch (Accounts.AccountException e) {
            err.println("castkeeper: " + e.getMessage());
            return Main.USAGE;
        }
    }

    @Command(
            name = "add",
            mixinStandardHelpOptions = true,
            description = {
                "Makes a host account. The password is asked for at the prompt, or read from the first "
                        + "line of standard input when that is not a terminal:",
                "  printf '%s\\n' \"$PASSWORD\" | scripts/castkeeper user add dominion"
            })
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "The name to sign in with.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withAccounts(config, spec, true, password -> app -> {
                app.accounts().create(name, password);
                return "Account " + Accounts.normalise(name) + " made. Sign in at "
                        + app.config().server().baseUrl() + "/admin";
            });
        }

        static String readPassword(PrintWriter out) throws Exception {
            Console console = System.console();
            if (console != null) {
                char[] first = console.readPassword("Password for the new account: ");
                char[] again = console.readPassword("The same password again: ");
                if (first == null || again == null || !Arrays.equals(first, again)) {
                    out.println("The passwords differ.");
                    return null;
                }
                return new String(first);
            }
            String line = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
            return line == null || line.isEmpty() ? null : line;
        }
    }

    @Command(
            name = "passwd",
            mixinStandardHelpOptions = true,
            description = {
                "Sets a new password for an account (a forgotten one) and signs it out everywhere. The "
                        + "password is asked for at the prompt, or read from the first line of standard input."
            })
    static final class Passwd implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "The account.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withAccounts(config, spec, true, password -> app -> {
                app.accounts().setPassword(name, password);
                return "New password set for " + Accounts.normalise(name) + "; it is signed out everywhere.";
            });
        }
    }

    @Command(
            name = "remove",
            mixinStandardHelpOptions = true,
            description = "Removes an account. The last account cannot be removed.")
    static final class Remove implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "The account.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withAccounts(config, spec, false, none -> app -> {
                app.accounts().remove(name);
                return "Account " + Accounts.normalise(name) + " removed.";
            });
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "Lists the host accounts.")
    static final class ListAccounts implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            return withAccounts(
                    config,
                    spec,
                    false,
                    none -> app -> String.join(
                            "\n",
                            app.accounts().list().stream()
                                    .map(a -> a.username() + "  (since " + a.createdAt() + ")")
                                    .toList()));
        }
    }
}
