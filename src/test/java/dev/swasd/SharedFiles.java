package dev.swasd;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/**
 * The repository's copies of the shared reference files the tests read (spec/ and vectors/, with
 * their sub-paths): src/test/resources/shared, found on the test class path. Nothing outside the
 * repository is read.
 */
public final class SharedFiles {
    private SharedFiles() {}

    public static Path root() {
        URL marker = SharedFiles.class.getResource("/shared/vectors/index.json");
        if (marker == null || !"file".equals(marker.getProtocol())) {
            throw new IllegalStateException(
                    "shared/vectors/index.json is not a file on the test class path " + "(src/test/resources/shared)");
        }
        try {
            return Path.of(marker.toURI()).getParent().getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
