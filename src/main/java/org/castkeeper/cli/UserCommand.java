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

@Command(name = "user", mixinStandardHelpOptions = true,
        description = "Manages the host accounts that may sign in to /admin.",
        subcommands = {UserCommand.Add.class})
final class UserCommand {

    @Command(name = "add", mixinStandardHelpOptions = true,
            description = {"Makes a host account. The password is asked for at the prompt, or read from the first "
                    + "line of standard input when that is not a terminal:",
                    "  printf '%s\\n' \"$PASSWORD\" | castkeeper user add dominion"})
    static final class Add implements Callable<Integer> {
        @Mixin
        ConfigOption config;

        @Parameters(paramLabel = "NAME", description = "The name to sign in with.")
        String name;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() throws Exception {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            String password = readPassword(out);
            if (password == null) {
                err.println("castkeeper: no password given");
                return Main.USAGE;
            }
            try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
                app.accounts().create(name, password);
                out.println("Account " + name.strip().toLowerCase(java.util.Locale.ROOT)
                        + " made. Sign in at " + app.config().server().baseUrl() + "/admin");
                return 0;
            } catch (Accounts.AccountException e) {
                err.println("castkeeper: " + e.getMessage());
                return Main.USAGE;
            }
        }

        private static String readPassword(PrintWriter out) throws Exception {
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
}
