package dev.swasd.codegen;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The checked-in typed API is what the generator writes from the catalog today. With
 * {@code -Dswasd.regenerate=true} (scripts/generate-api) it writes the files instead.
 */
class GeneratedApiTest {
    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void checkedInApiIsFreshFromTheCatalog() throws IOException {
        Map<Path, String> generated = ApiGenerator.generate();
        if (Boolean.getBoolean("swasd.regenerate")) {
            ApiGenerator.main(new String[] {SOURCES.toString()});
        }
        for (Map.Entry<Path, String> f : generated.entrySet()) {
            Path file = SOURCES.resolve(f.getKey());
            assertThat(file).as("generated file (run scripts/generate-api)").exists();
            assertThat(Files.readString(file))
                    .as("%s is stale: run scripts/generate-api", file)
                    .isEqualTo(f.getValue());
        }
    }
}
