package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The web console's files as the jar serves them (the browser test drives them: conformance/console). */
class WebConsoleTest {
    private final WebConsole console = WebConsole.load();

    @Test
    void everyFileInTheConsoleFolderIsInTheManifestAndServed() throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(Path.of("src/main/resources/console"))) {
            files = s.map(p -> p.getFileName().toString())
                    .filter(n -> !n.equals("assets.txt"))
                    .sorted()
                    .toList();
        }
        assertThat(console.size()).isEqualTo(files.size());
        for (String name : files) {
            WebConsole.Answer a = console.serve("GET", "/console/" + name);
            assertThat(a.status()).as(name).isEqualTo(200);
            assertThat(a.contentType()).as(name).isEqualTo(WebConsole.contentType(name));
        }
    }

    @Test
    void theIndexIsTheFolderAndTheBarePathRedirects() {
        assertThat(console.serve("GET", "/console/").contentType()).isEqualTo("text/html;charset=utf-8");
        WebConsole.Answer bare = console.serve("GET", "/console");
        assertThat(bare.status()).isEqualTo(301);
        assertThat(bare.location()).isEqualTo("/console/");
        assertThat(console.serve("GET", "/console/../pom.xml").status()).isEqualTo(404);
        assertThat(console.serve("GET", "/console/assets.txt").status()).isEqualTo(404);
        assertThat(console.serve("POST", "/console/").status()).isEqualTo(405);
    }

    @Test
    void onlyItsOwnPathsAreTheConsoles() {
        assertThat(WebConsole.handles("/console")).isTrue();
        assertThat(WebConsole.handles("/console/app.js")).isTrue();
        assertThat(WebConsole.handles("/console-session/abc")).isFalse();
        assertThat(WebConsole.handles("/consoles")).isFalse();
        assertThat(WebConsole.handles("/")).isFalse();
    }

    @Test
    void thePolicyAllowsNoInlineScriptAndNoOtherOrigin() {
        String csp = WebConsole.HEADERS.get("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'none'", "script-src 'self';", "connect-src 'self'", "frame-ancestors 'none'");
        assertThat(csp).doesNotContain("unsafe-inline", "unsafe-eval", "http");
        assertThat(WebConsole.HEADERS).containsEntry("X-Content-Type-Options", "nosniff");
    }
}
