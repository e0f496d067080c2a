package dev.swasd.docs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.Product;
import dev.swasd.server.TestServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
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

    /** swasd's own actions beside each product's SDK actions, by the catalog file that adds them. */
    static final Map<String, String> EXTENSIONS =
            Map.of("swas-open", Catalog.SWAS_OPEN_EXTENSIONS, "ram", Catalog.RAM_EXTENSIONS);

    static Set<String> extensions(String code) {
        String resource = EXTENSIONS.get(code);
        if (resource == null) {
            return Set.of();
        }
        try (InputStream in = CoverageDocTest.class.getResourceAsStream(resource)) {
            Set<String> names = new TreeSet<>();
            new ObjectMapper()
                    .readTree(in)
                    .path("actions")
                    .forEach(a -> names.add(a.path("action").asText()));
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String render(TestServer server) {
        Catalog catalog = Catalog.standard();
        StringBuilder b = new StringBuilder();
        b.append("# Coverage\n\n");
        b.append(
                "Written by `CoverageDocTest` from the catalog and a running node's registry (`scripts/generate-api`);\n");
        b.append("do not edit by hand. An action without a module answers the structural default ");
        b.append("(`NotImplemented`, docs/decisions.md).\n\n");
        b.append("SDK actions are those of the official SDK's model of the product; extensions are actions the SDK ");
        b.append("model lacks that real clients call (e.g. the Terraform provider's CreateDisk) or swasd's own ");
        b.append("(e.g. ListRequestLogs), each listed in docs/decisions.md, counted apart.\n\n");
        b.append("| product | version | SDK actions implemented | extensions implemented |\n|---|---|---|---|\n");
        for (String code : PRODUCTS) {
            Product p = catalog.product(code);
            Set<String> ext = extensions(code);
            SortedSet<String> done = server.implementedActions(code);
            long sdk = p.operations().size() - ext.size();
            long sdkDone = done.stream().filter(a -> !ext.contains(a)).count();
            long extDone = done.stream().filter(ext::contains).count();
            b.append("| ")
                    .append(code)
                    .append(" | ")
                    .append(p.version())
                    .append(" | ")
                    .append(sdkDone)
                    .append(" of ")
                    .append(sdk)
                    .append(" | ")
                    .append(ext.isEmpty() ? "—" : extDone + " of " + ext.size())
                    .append(" |\n");
        }
        for (String code : PRODUCTS) {
            Product p = catalog.product(code);
            Set<String> ext = extensions(code);
            b.append("\n## ").append(code).append(' ').append(p.version()).append("\n\n");
            table(
                    b,
                    server,
                    code,
                    p,
                    p.operations().keySet().stream()
                            .filter(a -> !ext.contains(a))
                            .toList());
            if (!ext.isEmpty()) {
                b.append("\n### ").append(code).append(" extensions\n\n");
                table(
                        b,
                        server,
                        code,
                        p,
                        p.operations().keySet().stream().filter(ext::contains).toList());
            }
        }
        return b.toString();
    }

    private static void table(StringBuilder b, TestServer server, String code, Product p, List<String> actions) {
        SortedSet<String> done = server.implementedActions(code);
        b.append("| action | access level | implemented by |\n|---|---|---|\n");
        for (String action : actions) {
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
}
