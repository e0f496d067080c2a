package dev.swasd.docs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.Product;
import dev.swasd.server.TestServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import org.junit.jupiter.api.Test;

/**
 * docs/coverage.md is what a running node implements: written from the catalog and the node's
 * registry, never by hand. With {@code -Dswasd.regenerate=true} (scripts/generate-api) it is
 * rewritten; otherwise a stale page fails.
 */
class CoverageDocTest {
    private static final Path PAGE = Path.of("docs/coverage.md");
    private static final List<String> PRODUCTS = List.of("swas-open", "ecs", "ram");

    @Test
    void coveragePageIsWhatTheServerImplements() throws Exception {
        String page;
        try (TestServer server = TestServer.start()) {
            page = render(server);
        }
        if (Boolean.getBoolean("swasd.regenerate")) {
            Files.writeString(PAGE, page);
        }
        assertThat(PAGE).as("docs/coverage.md (run scripts/generate-api)").exists();
        assertThat(Files.readString(PAGE))
                .as("docs/coverage.md is stale: run scripts/generate-api")
                .isEqualTo(page);
    }

    static String render(TestServer server) {
        Catalog catalog = Catalog.standard();
        StringBuilder b = new StringBuilder();
        b.append("# Coverage\n\n");
        b.append(
                "Written by `CoverageDocTest` from the catalog and a running node's registry (`scripts/generate-api`);\n");
        b.append("do not edit by hand. An action without a module answers the structural default ");
        b.append("(`NotImplemented`, docs/decisions.md).\n\n");
        b.append("| product | version | implemented |\n|---|---|---|\n");
        for (String code : PRODUCTS) {
            Product p = catalog.product(code);
            b.append("| ")
                    .append(code)
                    .append(" | ")
                    .append(p.version())
                    .append(" | ")
                    .append(server.implementedActions(code).size())
                    .append(" of ")
                    .append(p.operations().size())
                    .append(" |\n");
        }
        for (String code : PRODUCTS) {
            Product p = catalog.product(code);
            SortedSet<String> done = server.implementedActions(code);
            b.append("\n## ").append(code).append(' ').append(p.version()).append("\n\n");
            b.append("| action | access level | implemented by |\n|---|---|---|\n");
            for (String action : p.operations().keySet()) {
                String module = server.implementingModule(code, action)
                        .map(m -> "`" + m.substring(m.lastIndexOf('.') + 1) + "`")
                        .orElse(done.contains(action) ? "yes" : "—");
                b.append("| ")
                        .append(action)
                        .append(" | ")
                        .append(p.operation(action).accessLevel())
                        .append(" | ")
                        .append(module)
                        .append(" |\n");
            }
        }
        return b.toString();
    }
}
