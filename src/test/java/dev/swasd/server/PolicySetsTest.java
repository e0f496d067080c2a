package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.TestDatabases;
import dev.swasd.ram.PolicyCache;
import dev.swasd.ramapi.RamDomain;
import dev.swasd.ramapi.RamLimits;
import dev.swasd.ramapi.RamUsers;
import dev.swasd.store.Database;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.SecretCipher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The per-node policy-set cache: within the bound a request reads nothing (a change made
 * elsewhere is not seen yet); past it, the epoch is read again and the change governs; a node's
 * own change governs at once.
 */
class PolicySetsTest {
    static final String A = "1234567890123456";

    @TempDir
    Path dir;

    Database db;
    RamDomain ram;
    final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    PolicySets sets;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.fresh(dir, "sets"), null, null);
        new IdentityRepository(db).ensureAccount(A, 0);
        ram = RamDomain.create(
                RamLimits.defaults(),
                new SecretCipher(new byte[32]),
                RamAdapters.documentCheck(),
                RamAdapters.systemPolicies());
        sets = new PolicySets(db, new PolicyCache(16), Duration.ofMillis(500), nanos::get);
        db.write(tx -> ram.users().create(tx, A, 0, new RamUsers.NewUser("alice", null, null, null, null)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    private void attach(String policy) {
        db.write(tx -> {
            ram.attachments().attachToUser(tx, A, 0, "alice", "System", policy);
            return null;
        });
    }

    private List<String> names() {
        return sets.of(A, "alice").policies().stream().map(p -> p.name()).toList();
    }

    @Test
    void aChangeElsewhereGovernsOnceTheBoundHasPassed() {
        attach("AliyunSWASReadOnlyAccess");
        assertThat(names()).containsExactly("AliyunSWASReadOnlyAccess");
        attach("AliyunSWASFullAccess"); // as another node would: this node is not told
        nanos.addAndGet(Duration.ofMillis(499).toNanos());
        assertThat(names())
                .as("within the bound the cached set serves, no query")
                .containsExactly("AliyunSWASReadOnlyAccess");
        nanos.addAndGet(Duration.ofMillis(2).toNanos());
        assertThat(names()).containsExactlyInAnyOrder("AliyunSWASReadOnlyAccess", "AliyunSWASFullAccess");
    }

    @Test
    void thisNodesOwnChangeGovernsAtOnce() {
        assertThat(names()).isEmpty();
        attach("AdministratorAccess");
        sets.forget(A);
        assertThat(names()).containsExactly("AdministratorAccess");
        assertThat(sets.of(A, "ALICE").userId()).matches("[1-9][0-9]{15}");
    }

    @Test
    void anUnknownUserHasNoPolicies() {
        PolicySets.Loaded none = sets.of(A, "nobody");
        assertThat(none.userId()).isNull();
        assertThat(none.policies()).isEmpty();
    }
}
