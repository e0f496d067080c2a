package dev.swasd.ram;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Compiled policies by (policy name, version), so that authorizing a request never parses a
 * document. Least-recently-used entries leave once {@code maxEntries} is reached. Thread-safe.
 *
 * <p>Policy versions are immutable, so a key never goes stale by itself; a node that learns of a
 * change another node made (deleted policy, a version counter moving on) calls {@link #invalidate}
 * or {@link #invalidateAll}.
 */
public final class PolicyCache {
    /**
     * @param version a version id ({@code v3}) or a content hash ({@link #forContent})
     */
    public record Key(String policyName, String version) {
        public Key {
            if (policyName == null || version == null) {
                throw new IllegalArgumentException("a policy cache key needs a name and a version");
            }
        }

        public static Key forVersion(String policyName, String versionId) {
            return new Key(policyName, versionId);
        }

        /** Keys a document by its SHA-256, for policies without version ids (session policies, files). */
        public static Key forContent(String policyName, String documentText) {
            try {
                byte[] digest =
                        MessageDigest.getInstance("SHA-256").digest(documentText.getBytes(StandardCharsets.UTF_8));
                return new Key(policyName, "sha256:" + HexFormat.of().formatHex(digest));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    /** Counters for monitoring and tests. */
    public record Stats(long hits, long misses, int size) {}

    private final int maxEntries;
    private final LinkedHashMap<Key, PolicyDocument> entries;
    private long hits;
    private long misses;

    public PolicyCache(int maxEntries) {
        if (maxEntries < 1) {
            throw new IllegalArgumentException("maxEntries must be at least 1");
        }
        this.maxEntries = maxEntries;
        this.entries = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, PolicyDocument> eldest) {
                return size() > PolicyCache.this.maxEntries;
            }
        };
    }

    /** The compiled document for {@code key}, compiling {@code documentText} on a miss. */
    public PolicyDocument get(Key key, String documentText) {
        return get(key, () -> documentText);
    }

    /**
     * The compiled document for {@code key}; on a miss, {@code documentText} is read (e.g. from the
     * store) and compiled outside the lock. A malformed document is not cached.
     *
     * @throws MalformedPolicyException when the document on a miss does not compile
     */
    public PolicyDocument get(Key key, Supplier<String> documentText) {
        synchronized (this) {
            PolicyDocument cached = entries.get(key);
            if (cached != null) {
                hits++;
                return cached;
            }
            misses++;
        }
        PolicyDocument compiled = PolicyParser.parse(documentText.get());
        synchronized (this) {
            PolicyDocument raced = entries.putIfAbsent(key, compiled);
            return raced != null ? raced : compiled;
        }
    }

    public synchronized void invalidate(Key key) {
        entries.remove(key);
    }

    /** Drops every version of one policy (it was deleted, or its default version changed). */
    public synchronized void invalidatePolicy(String policyName) {
        entries.keySet().removeIf(k -> k.policyName().equals(policyName));
    }

    public synchronized void invalidateAll() {
        entries.clear();
    }

    public synchronized Stats stats() {
        return new Stats(hits, misses, entries.size());
    }
}
