package io.realtimeblog.doctor;

import java.io.PrintStream;
import java.util.List;

/** Prints check results, one line each, green ✔ or red ✘; colours only when the output is a terminal. */
final class Report {

    private static final String GREEN = "\u001B[32m";
    private static final String RED = "\u001B[31m";
    private static final String RESET = "\u001B[0m";

    private final PrintStream out;
    private final boolean colours;

    Report(PrintStream out, boolean colours) {
        this.out = out;
        this.colours = colours;
    }

    void print(CheckResult result) {
        String mark = result.passed() ? paint(GREEN, "✔") : paint(RED, "✘");
        out.printf("%s %-10s %s%n", mark, result.name(), result.detail());
        if (!result.passed() && result.fix() != null) {
            String prefix = "             fix: ";
            for (String line : result.fix().split("\n")) {
                out.println(prefix + line);
                prefix = "                  ";
            }
        }
        out.flush();
    }

    void summary(List<CheckResult> results) {
        long failed = results.stream().filter(r -> !r.passed()).count();
        out.println(failed == 0
                ? paint(GREEN, "All " + results.size() + " checks passed.")
                : paint(RED, failed + " of " + results.size() + " checks failed."));
        out.flush();
    }

    private String paint(String colour, String text) {
        return colours ? colour + text + RESET : text;
    }
}
