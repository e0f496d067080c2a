package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.SharedFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every decision case of the shared specification (spec/ram-cases.json), evaluated and checked. */
class RamCasesTest {
    static Path casesFile() {
        return SharedFiles.root().resolve("spec/ram-cases.json");
    }

    static List<SimulationCase> cases() throws IOException {
        return CaseFiles.parse(Files.readString(casesFile()));
    }

    static Stream<Arguments> everyCase() throws IOException {
        return cases().stream().map(c -> Arguments.of(c.name(), c));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("everyCase")
    void decisionMatchesExpectation(String name, SimulationCase c) {
        assertThat(c.expect()).as("case %s has an expectation", name).isPresent();
        Evaluation e = c.evaluate();
        assertThat(e.decision())
                .as("%s: %s (%s)", name, e.explain(), c.note().orElse(c.basis().orElse("")))
                .isEqualTo(c.expect().get());
    }

    @Test
    void theFileHasEveryCaseTheSpecificationPromises() throws IOException {
        List<SimulationCase> all = cases();
        assertThat(all).hasSize(101);
        assertThat(all).extracting(c -> c.expect().orElseThrow()).contains(Decision.values());
        assertThat(all).filteredOn(c -> c.basis().orElse("").equals("inferred")).isNotEmpty();
    }
}
