package dev.swasd.ram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PolicyCacheTest {
    private static final String ALLOW_ALL =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    private static final String DENY_ALL =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Deny\",\"Action\":\"*\",\"Resource\":\"*\"}]}";

    @Test
    void compilesOncePerKey() {
        PolicyCache cache = new PolicyCache(10);
        AtomicInteger reads = new AtomicInteger();
        PolicyCache.Key key = PolicyCache.Key.forVersion("ops", "v1");
        PolicyDocument first = cache.get(key, () -> {
            reads.incrementAndGet();
            return ALLOW_ALL;
        });
        PolicyDocument second = cache.get(key, () -> {
            reads.incrementAndGet();
            return ALLOW_ALL;
        });
        assertThat(second).isSameAs(first);
        assertThat(reads).hasValue(1);
        assertThat(cache.stats()).isEqualTo(new PolicyCache.Stats(1, 1, 1));
    }

    @Test
    void versionsAreSeparateEntries() {
        PolicyCache cache = new PolicyCache(10);
        PolicyDocument v1 = cache.get(PolicyCache.Key.forVersion("ops", "v1"), ALLOW_ALL);
        PolicyDocument v2 = cache.get(PolicyCache.Key.forVersion("ops", "v2"), DENY_ALL);
        assertThat(v1.statements().get(0).effect()).isEqualTo(Effect.ALLOW);
        assertThat(v2.statements().get(0).effect()).isEqualTo(Effect.DENY);
    }

    @Test
    void invalidateByKeyByPolicyAndAll() {
        PolicyCache cache = new PolicyCache(10);
        PolicyCache.Key a1 = PolicyCache.Key.forVersion("a", "v1");
        PolicyCache.Key a2 = PolicyCache.Key.forVersion("a", "v2");
        PolicyCache.Key b1 = PolicyCache.Key.forVersion("b", "v1");
        cache.get(a1, ALLOW_ALL);
        cache.get(a2, ALLOW_ALL);
        cache.get(b1, ALLOW_ALL);
        cache.invalidate(a1);
        assertThat(cache.stats().size()).isEqualTo(2);
        PolicyDocument recompiled = cache.get(a1, DENY_ALL);
        assertThat(recompiled.statements().get(0).effect()).isEqualTo(Effect.DENY);
        cache.invalidatePolicy("a");
        assertThat(cache.stats().size()).isEqualTo(1);
        cache.invalidateAll();
        assertThat(cache.stats().size()).isZero();
    }

    @Test
    void leastRecentlyUsedEntriesLeaveFirst() {
        PolicyCache cache = new PolicyCache(2);
        PolicyCache.Key k1 = PolicyCache.Key.forVersion("p1", "v1");
        PolicyCache.Key k2 = PolicyCache.Key.forVersion("p2", "v1");
        PolicyCache.Key k3 = PolicyCache.Key.forVersion("p3", "v1");
        cache.get(k1, ALLOW_ALL);
        cache.get(k2, ALLOW_ALL);
        cache.get(k1, ALLOW_ALL); // k1 is now the most recently used
        cache.get(k3, ALLOW_ALL); // evicts k2
        long misses = cache.stats().misses();
        cache.get(k1, ALLOW_ALL);
        assertThat(cache.stats().misses()).isEqualTo(misses);
        cache.get(k2, ALLOW_ALL);
        assertThat(cache.stats().misses()).isEqualTo(misses + 1);
    }

    @Test
    void contentKeysFollowTheText() {
        assertThat(PolicyCache.Key.forContent("s", ALLOW_ALL)).isEqualTo(PolicyCache.Key.forContent("s", ALLOW_ALL));
        assertThat(PolicyCache.Key.forContent("s", ALLOW_ALL)).isNotEqualTo(PolicyCache.Key.forContent("s", DENY_ALL));
        assertThat(PolicyCache.Key.forContent("s", ALLOW_ALL).version())
                .startsWith("sha256:")
                .hasSize(7 + 64);
    }

    @Test
    void malformedDocumentsAreNotCached() {
        PolicyCache cache = new PolicyCache(10);
        PolicyCache.Key key = PolicyCache.Key.forVersion("bad", "v1");
        assertThatThrownBy(() -> cache.get(key, "{\"Version\":\"2\"}")).isInstanceOf(MalformedPolicyException.class);
        assertThat(cache.stats().size()).isZero();
        assertThat(cache.get(key, ALLOW_ALL)).isNotNull();
    }
}
