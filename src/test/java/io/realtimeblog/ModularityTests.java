package io.realtimeblog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
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

    /** The Documenter lists a diagram's relations in an order that changes between runs; sorted, the files change only when the modules do. */
    private static void sortRelations(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path diagram : files.filter(file -> file.toString().endsWith(".puml")).toList()) {
                List<String> lines = Files.readAllLines(diagram);
                List<String> relations = lines.stream().filter(line -> line.startsWith("Rel(")).sorted().toList();
                Iterator<String> sorted = relations.iterator();
                Files.write(diagram, lines.stream().map(line -> line.startsWith("Rel(") ? sorted.next() : line).toList());
            }
        }
    }
}
