package dev.swasd.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * The web console's static files ({@code /console/}, docs/console.md): plain HTML, CSS and
 * JavaScript modules packaged in the jar under {@code console/}, read once at start-up and served
 * from memory. The console itself is a client of the signed API like any other (it signs its
 * calls in the browser), so nothing here knows of identities or resources: it only hands out
 * files, with a Content-Security-Policy that allows no inline script and no other origin.
 */
final class WebConsole {
    static final String PREFIX = "/console/";
    static final String BARE = "/console";

    /** What every console response carries. */
    static final Map<String, String> HEADERS = Map.of(
            "Content-Security-Policy",
            "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self';"
                    + " form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
            "X-Content-Type-Options",
            "nosniff",
            "X-Frame-Options",
            "DENY",
            "Referrer-Policy",
            "no-referrer",
            "Cache-Control",
            "no-cache");

    /** A file: its type and bytes. */
    record Asset(String contentType, byte[] body) {}

    /** An answer: status, type, body, and a Location for a redirect (else null). */
    record Answer(int status, String contentType, byte[] body, String location) {}

    private static final String MANIFEST = "console/assets.txt";
    private final Map<String, Asset> assets;

    private WebConsole(Map<String, Asset> assets) {
        this.assets = assets;
    }

    /** The console the jar carries: every file its manifest {@code console/assets.txt} names. */
    static WebConsole load() {
        ClassLoader loader = WebConsole.class.getClassLoader();
        Map<String, Asset> assets = new HashMap<>();
        for (String name : read(loader, MANIFEST).split("\n")) {
            name = name.strip();
            if (name.isEmpty() || name.startsWith("#")) {
                continue;
            }
            String text = read(loader, "console/" + name);
            assets.put(name, new Asset(contentType(name), text.getBytes(StandardCharsets.UTF_8)));
        }
        return new WebConsole(Map.copyOf(assets));
    }

    private static String read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("the console file " + resource + " is missing from the build");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html;charset=utf-8";
        if (name.endsWith(".js")) return "text/javascript;charset=utf-8";
        if (name.endsWith(".css")) return "text/css;charset=utf-8";
        if (name.endsWith(".svg")) return "image/svg+xml";
        if (name.endsWith(".json")) return "application/json";
        return "text/plain;charset=utf-8";
    }

    /** Whether a path is the console's: checked before the API, on a path the API never uses. */
    static boolean handles(String path) {
        return path.startsWith(BARE) && (path.length() == BARE.length() || path.charAt(BARE.length()) == '/');
    }

    Answer serve(String method, String path) {
        if (!"GET".equals(method) && !"HEAD".equals(method)) {
            return text(405, "swasd: the console's files are read with GET.\n");
        }
        if (path.equals(BARE)) {
            return new Answer(
                    301, "text/plain;charset=utf-8", "Moved to /console/\n".getBytes(StandardCharsets.UTF_8), PREFIX);
        }
        String name = path.substring(PREFIX.length());
        Asset asset = assets.get(name.isEmpty() ? "index.html" : name);
        if (asset == null) {
            return text(404, "swasd: the console has no such file.\n");
        }
        return new Answer(200, asset.contentType(), asset.body(), null);
    }

    private static Answer text(int status, String text) {
        return new Answer(status, "text/plain;charset=utf-8", text.getBytes(StandardCharsets.UTF_8), null);
    }

    int size() {
        return assets.size();
    }
}
