package org.castkeeper.cli;

import java.io.PrintWriter;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import org.castkeeper.Castkeeper;
import org.castkeeper.backup.Doctor;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(
        name = "doctor",
        mixinStandardHelpOptions = true,
        description = {
            "Checks that the catalogue and the media store agree: missing or changed files, files no "
                    + "episode uses, partial files, retired files past their time, database damage.",
            "Exit code 1 when anything is wrong."
        })
final class DoctorCommand implements Callable<Integer> {
    @Mixin
    ConfigOption config;

    @Option(
            names = "--repair",
            description = "Fix what is safe to fix: put back a file found under another name, "
                    + "move files no episode uses to data/quarantine, remove stale partial files and expired retired files. "
                    + "A file an episode uses is never deleted.")
    boolean repair;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        try (Castkeeper app = Castkeeper.open(config.load(), Clock.systemUTC())) {
            Doctor doctor = app.doctor();
            if (repair) {
                doctor.repair(app.clock().instant()).forEach(line -> out.println("repaired: " + line));
            }
            List<Doctor.Finding> findings = doctor.examine(true, app.clock().instant());
            for (Doctor.Finding f : findings) {
                out.println(f.kind().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + ": " + f.what());
                out.println("    fix: " + f.fix());
            }
            out.println(
                    findings.isEmpty()
                            ? "all well: every episode's files are there and unchanged"
                            : findings.size() + " things to look at");
            return findings.isEmpty() ? 0 : Main.FAILED;
        }
    }
}
