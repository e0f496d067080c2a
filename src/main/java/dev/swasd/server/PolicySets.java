package dev.swasd.server;

import dev.swasd.ram.NamedPolicy;
import dev.swasd.ram.PolicyCache;
import dev.swasd.ram.SystemPolicies;
import dev.swasd.ram.SystemPolicy;
import dev.swasd.store.Database;
import dev.swasd.store.PolicySetRepository;
import dev.swasd.store.RamEpochRepository;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The compiled policies in force for each RAM user, cached per node and kept right when several
 * nodes share one database.
 *
 * <p>Every change that can change a user's policies bumps its account's epoch in the same
 * transaction ({@code ram_epochs}). A node remembers, per account, the epoch it last read and
 * when; a cached policy set is used only while it was loaded at that epoch. The epoch is re-read
 * when it is older than the bound ({@code --ram-refresh}, default 1 s): so a change committed
 * through any node governs every node's requests that arrive more than the bound after the
 * commit, and a node's own RAM writes govern it at once ({@link #forget}). Within the bound a request costs no query at all;
 * after it, one primary-key read per account; after a change, one more query (the user's policy
 * set) per user.
 */
final class PolicySets {
    /** How one policy reached the user, for diagnostics. */
    record Source(String name, String type, String version, String attachedTo) {}

    /**
     * A user's policies, compiled.
     *
     * @param userId           null when the account has no such user (it was deleted): nothing is allowed
     * @param sources          parallel to {@code policies}
     * @param usesResourceTags whether any policy names an {@code acs:ResourceTag/} key, so that the
     *                         resources' tags are worth looking up
     */
    record Loaded(String userId, List<NamedPolicy> policies, List<Source> sources, boolean usesResourceTags) {}

    private record AccountEpoch(long epoch, long checkedAtNanos) {}

    private record Entry(long epoch, Loaded loaded) {}

    private final Database db;
    private final PolicyCache documents;
    private final Duration bound;
    private final LongSupplier nanoClock;
    private final RamEpochRepository epochs = new RamEpochRepository();
    private final PolicySetRepository sets = new PolicySetRepository();
    private final Map<String, AccountEpoch> accounts = new ConcurrentHashMap<>();
    private final Map<String, Entry> entries = new ConcurrentHashMap<>();

    PolicySets(Database db, PolicyCache documents, Duration bound, LongSupplier nanoClock) {
        this.db = db;
        this.documents = documents;
        this.bound = bound;
        this.nanoClock = nanoClock;
    }

    Duration bound() {
        return bound;
    }

    Loaded of(String accountId, String userName) {
        long epoch = currentEpoch(accountId);
        String key = accountId + "/" + userName.toLowerCase(Locale.ROOT);
        Entry cached = entries.get(key);
        if (cached != null && cached.epoch() == epoch) {
            return cached.loaded();
        }
        Loaded loaded = load(accountId, userName);
        entries.put(key, new Entry(epoch, loaded));
        return loaded;
    }

    /** After this node changed the account's identities: the next request re-reads the epoch. */
    void forget(String accountId) {
        accounts.remove(accountId);
    }

    private long currentEpoch(String accountId) {
        long now = nanoClock.getAsLong();
        AccountEpoch known = accounts.get(accountId);
        if (known != null && now - known.checkedAtNanos() < bound.toNanos()) {
            return known.epoch();
        }
        // the time is taken before the read, so a change committed after it is caught next time
        long epoch = db.read(tx -> epochs.read(tx, accountId));
        accounts.put(accountId, new AccountEpoch(epoch, now));
        return epoch;
    }

    private Loaded load(String accountId, String userName) {
        var set = db.read(tx -> sets.load(tx, accountId, userName));
        if (set.isEmpty()) {
            return new Loaded(null, List.of(), List.of(), false);
        }
        List<NamedPolicy> policies = new ArrayList<>();
        List<Source> sources = new ArrayList<>();
        boolean resourceTags = false;
        for (PolicySetRepository.PolicyRow row : set.get().policies()) {
            if (row.policyType().equals("System")) {
                SystemPolicy s = SystemPolicies.lookup(row.policyName()).orElse(null);
                if (s == null) {
                    continue; // a system policy this version of swasd no longer has grants nothing
                }
                policies.add(s.asNamedPolicy());
                sources.add(new Source(s.name(), "System", "v1", row.attachedTo()));
                continue;
            }
            String name = row.policyName();
            // keyed by content: a deleted and re-created policy may reuse a name and a version id
            var doc = documents.get(PolicyCache.Key.forContent(accountId + ":" + name, row.document()), row.document());
            policies.add(new NamedPolicy(name, doc));
            sources.add(new Source(name, "Custom", "v" + row.versionNumber(), row.attachedTo()));
            resourceTags |= row.document().toLowerCase(Locale.ROOT).contains("acs:resourcetag/");
        }
        return new Loaded(set.get().userId(), policies, sources, resourceTags);
    }
}
