package io.realtimeblog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

/** Every direct sub-package is a module; modules may use only each other's top-level (API) types. */
class ModularityTests {

    private final ApplicationModules modules = ApplicationModules.of(BlogApplication.class);

    @Test
    void moduleBoundariesHold() {
        modules.verify();
    }

    /**
     * The module documentation in {@code docs/modules/} is this output: the component diagram of all modules, one per
     * module, each module's canvas (its API, events, configuration) and one document that gathers them. Every test run
     * writes it again, so a change to a module's API shows up in the diff that makes it.
     */
    @Test
    void writesModuleDocumentation() throws IOException {
        new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
                .writeDocumentation()
                .writeAggregatingDocument();
        sortRelations(Path.of("docs/modules"));
    }

    /**
     * The Documenter lists a diagram's relations, and a canvas's items, in an order that can change between runs;
     * sorted, the files change only when the modules do.
     */
    private static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".puml") || f.toString().endsWith(".adoc")).toList()) {
                Files.write(file, sortedRuns(Files.readAllLines(file)));
            }
        }
    }

    /**
     * Each run of consecutive lines of one kind sorted: a diagram's {@code Rel(...)} lines, or a canvas cell's list
     * items ({@code * ...}; the first of a cell starts with {@code |}, and keeps it).
     */
    private static List<String> sortedRuns(List<String> lines) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); ) {
            String kind = kind(lines.get(i));
            if (kind == null) {
                out.add(lines.get(i++));
                continue;
            }
            boolean cell = lines.get(i).startsWith("|");
            List<String> run = new ArrayList<>();
            run.add(cell ? lines.get(i).substring(1) : lines.get(i));
            for (i++; i < lines.size() && kind.equals(kind(lines.get(i))) && !lines.get(i).startsWith("|"); i++) {
                run.add(lines.get(i));
            }
            Collections.sort(run);
            run.set(0, (cell ? "|" : "") + run.get(0));
            out.addAll(run);
        }
        return out;
    }

    private static String kind(String line) {
        if (line.startsWith("Rel(")) {
            return "relation";
        }
        return line.startsWith("* `") || line.startsWith("|* `") ? "item" : null;
    }
}
