package dev.swasd;

import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the shared/ folder (spec and vectors) that sits beside the repository. */
public final class SharedFiles {
    private SharedFiles() {
    }

    public static Path root() {
        String configured = System.getProperty("swasd.shared");
        if (configured != null && Files.isDirectory(Path.of(configured))) {
            return Path.of(configured);
        }
        Path p = Path.of("").toAbsolutePath();
        while (p != null) {
            if (Files.isDirectory(p.resolve("shared/vectors"))) {
                return p.resolve("shared");
            }
            if (Files.isDirectory(p.resolveSibling("shared").resolve("vectors"))) {
                return p.resolveSibling("shared");
            }
            p = p.getParent();
        }
        throw new IllegalStateException("cannot find shared/ (set -Dswasd.shared=DIR)");
    }
}
