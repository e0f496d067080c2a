package dev.swasd.ramapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swasd.TestDatabases;
import dev.swasd.errors.ApiException;
import dev.swasd.store.AccessKeyRecord;
import dev.swasd.store.Database;
import dev.swasd.store.IdentityRepository;
import dev.swasd.store.PolicySetRepository;
import dev.swasd.store.RamEpochRepository;
import dev.swasd.store.SecretCipher;
import dev.swasd.store.Tx;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** RAM domain rules against a real store, with small limits where the defaults are too big to reach. */
class RamDomainTest {
    static final String A = "1234567890123456";
    static final String DOC =
            "{\"Version\":\"1\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":\"*\",\"Resource\":\"*\"}]}";
    static final SystemPolicyDirectory SYSTEM = new SystemPolicyDirectory() {
        final SystemPolicyInfo admin = new SystemPolicyInfo("AdministratorAccess", "all", DOC);

        @Override
        public Optional<SystemPolicyInfo> find(String name) {
            return name.equals(admin.name()) ? Optional.of(admin) : Optional.empty();
        }

        @Override
        public List<SystemPolicyInfo> all() {
            return List.of(admin);
        }
    };

    @TempDir
    Path dir;

    Database db;
    RamDomain ram;
    long now = 1_800_000_000_000L;

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.fresh(dir, "ram"), null, null);
        new IdentityRepository(db).ensureAccount(A, now);
        RamLimits small = new RamLimits(2, 1, 5, 2, 1, 5, 20, 10, 20, 5);
        ram = RamDomain.create(small, new SecretCipher(new byte[32]), d -> {}, SYSTEM);
    }

    @AfterEach
    void close() {
        db.close();
    }

    <T> T tx(Function<Tx, T> work) {
        return db.write(work::apply);
    }

    private RamUsers.NewUser user(String name) {
        return new RamUsers.NewUser(name, null, null, null, null);
    }

    @Test
    void largeLimitsAnswerTheirCodes() {
        tx(t -> ram.users().create(t, A, now, user("u1")));
        tx(t -> ram.users().create(t, A, now, user("u2")));
        assertThatThrownBy(() -> tx(t -> ram.users().create(t, A, now, user("u3"))))
                .isInstanceOf(ApiException.class)
                .hasFieldOrPropertyWithValue("code", "LimitExceeded.User")
                .hasMessage("The count of users beyond the current limits.");
        tx(t -> ram.groups().create(t, A, now, "g1", null));
        assertThatThrownBy(() -> tx(t -> ram.groups().create(t, A, now, "g2", null)))
                .hasFieldOrPropertyWithValue("code", "LimitExceeded.Group")
                .hasMessage("The count of groups beyond the current limits.");
        tx(t -> ram.policies().create(t, A, now, "p1", DOC, null, List.of()));
        assertThatThrownBy(() -> tx(t -> ram.policies().create(t, A, now, "p2", DOC, null, List.of())))
                .hasFieldOrPropertyWithValue("code", "LimitExceeded.Policy")
                .hasMessage("The count of policy beyond the current limits.");
        // other accounts have their own limits
        tx(t -> ram.users().create(t, "2000000000000002", now, user("u1")));
    }

    @Test
    void renameKeepsIdKeysAndPolicies() {
        var u = tx(t -> ram.users().create(t, A, now, user("alice")));
        var key = tx(t -> ram.keys().create(t, A, now, "alice"));
        assertThat(key.toString()).doesNotContain(key.secret());
        tx(t -> {
            ram.attachments().attachToUser(t, A, now, "alice", "System", "AdministratorAccess");
            return null;
        });
        var renamed = tx(t -> ram.users()
                .update(
                        t,
                        A,
                        now + 1,
                        "ALICE",
                        new RamUsers.UserChanges("alice2", "Alice", null, "a@example.com", null)));
        assertThat(renamed.userId()).isEqualTo(u.userId());
        assertThat(renamed.displayName()).isEqualTo("Alice");
        List<AccessKeyRecord> keys = tx(t -> ram.keys().list(t, A, "alice2"));
        assertThat(keys)
                .singleElement()
                .satisfies(k -> assertThat(k.accessKeyId()).isEqualTo(key.key().accessKeyId()));
        assertThat(tx(t -> new PolicySetRepository().load(t, A, "Alice2"))
                        .orElseThrow()
                        .policies())
                .singleElement()
                .satisfies(p -> assertThat(p.policyName()).isEqualTo("AdministratorAccess"));
        assertThatThrownBy(() -> tx(t -> ram.users().get(t, A, "alice")))
                .hasFieldOrPropertyWithValue("code", "EntityNotExist.User");
    }

    @Test
    void versionsRotateNumbersNeverComeBackAndCascadingDeleteRemovesThem() {
        tx(t -> ram.policies().create(t, A, now, "p", DOC, "d", List.of(new PolicyView.Tag("team", "a"))));
        for (int i = 2; i <= 5; i++) {
            tx(t -> ram.policies().createVersion(t, A, now, "p", DOC, false, false));
        }
        var v6 = tx(t -> ram.policies().createVersion(t, A, now, "p", DOC, true, true));
        assertThat(v6.versionId()).isEqualTo("v6");
        assertThat(v6.isDefault()).isTrue();
        assertThat(tx(t -> ram.policies().listVersions(t, A, "p", "Custom")).stream()
                        .map(VersionView::versionId))
                .containsExactly("v1", "v3", "v4", "v5", "v6");
        tx(t -> {
            ram.policies().deleteVersion(t, A, "p", "v3");
            return null;
        });
        assertThat(tx(t -> ram.policies().createVersion(t, A, now, "p", DOC, false, false))
                        .versionId())
                .isEqualTo("v7");
        assertThat(tx(t -> ram.policies().get(t, A, "P", "Custom")).policy().defaultVersion())
                .isEqualTo("v6");
        assertThat(tx(t -> ram.policies().list(t, A, null, List.of(new PolicyView.Tag("team", "")), null, 10))
                        .items())
                .extracting(PolicyView::name)
                .containsExactly("p");
        tx(t -> {
            ram.policies().delete(t, A, "p", true);
            return null;
        });
        assertThat(tx(t -> ram.policies().list(t, A, "Custom", List.of(), null, 10))
                        .items())
                .isEmpty();
    }

    @Test
    void markersPageStablyEvenWhenItemsGoAway() {
        RamDomain big = RamDomain.create(RamLimits.defaults(), new SecretCipher(new byte[32]), d -> {}, SYSTEM);
        for (int i = 0; i < 5; i++) {
            String name = "user" + i;
            long at = now + i;
            tx(t -> big.users().create(t, A, at, user(name)));
        }
        Page<?> first = tx(t -> big.users().list(t, A, null, 2));
        assertThat(first.truncated()).isTrue();
        assertThat(first.marker()).isNotNull();
        tx(t -> {
            big.users().delete(t, A, "user1");
            return null;
        });
        var second = tx(t -> big.users().list(t, A, first.marker(), 2));
        assertThat(second.items()).extracting(u -> u.userName()).containsExactly("user2", "user3");
        var third = tx(t -> big.users().list(t, A, second.marker(), 2));
        assertThat(third.items()).extracting(u -> u.userName()).containsExactly("user4");
        assertThat(third.truncated()).isFalse();
        assertThat(third.marker()).isNull();
    }

    @Test
    void everyChangeThatCanChangePermissionsBumpsTheEpoch() {
        RamEpochRepository epochs = new RamEpochRepository();
        Function<Tx, Long> epoch = t -> epochs.read(t, A);
        long e0 = tx(epoch);
        tx(t -> ram.users().create(t, A, now, user("u")));
        tx(t -> ram.groups().create(t, A, now, "g", null));
        tx(t -> {
            ram.groups().addUser(t, A, now, "u", "g");
            return null;
        });
        long e1 = tx(epoch);
        assertThat(e1).isGreaterThan(e0);
        tx(t -> ram.policies().create(t, A, now, "p", DOC, null, List.of()));
        long e2 = tx(epoch);
        tx(t -> {
            ram.attachments().attachToGroup(t, A, now, "g", "Custom", "p");
            return null;
        });
        long e3 = tx(epoch);
        tx(t -> {
            ram.policies().setDefault(t, A, now, "p", "v1");
            return null;
        });
        long e4 = tx(epoch);
        assertThat(List.of(e1, e2, e3, e4)).isSorted().doesNotHaveDuplicates();
        // the user now has the group's policy
        assertThat(tx(t -> new PolicySetRepository().load(t, A, "u"))
                        .orElseThrow()
                        .policies())
                .singleElement()
                .satisfies(p -> assertThat(p.attachedTo()).isEqualTo("Group:g"));
    }
}
