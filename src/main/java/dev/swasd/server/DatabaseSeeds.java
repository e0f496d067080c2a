package dev.swasd.server;

import dev.swasd.store.Tx;
import dev.swasd.swas.Caller;
import dev.swasd.swas.Lifecycle;
import dev.swasd.swas.Regions;
import dev.swasd.swas.databases.DatabaseActions;
import java.util.Set;

/**
 * Seeds lightweight database instances, which swas-open has no action to create: for {@code swasd
 * admin database create} (straight on a data directory) and the control API's {@code POST
 * /_swasd/seed/database}.
 */
public final class DatabaseSeeds {
    /** The MySQL versions an instance may run. */
    public static final Set<String> VERSIONS = DatabaseActions.VERSIONS;

    /** A seeded instance. */
    public record Seeded(String databaseInstanceId, String regionId, String edition, String databaseVersion) {}

    private DatabaseSeeds() {}

    /**
     * A Running instance in the account's region: 400 InvalidRegionId for an unknown region, 400
     * InvalidDatabaseInstanceDescription.Malformed for a bad name, IllegalArgumentException for a
     * version other than 5.7 and 8.0.
     */
    public static Seeded seed(
            DatabaseActions databases,
            Tx tx,
            String accountId,
            String regionId,
            String name,
            String edition,
            String version,
            long now) {
        DatabaseActions.DatabaseRow d =
                databases.seed(tx, new Caller(accountId, regionId), name, edition, version, now);
        return new Seeded(d.databaseInstanceId(), d.regionId(), d.edition(), d.databaseVersion());
    }

    /** With the built-in regions, as the admin commands have no regions file. */
    public static Seeded seed(
            Tx tx, String accountId, String regionId, String name, String edition, String version, long now) {
        return seed(
                new DatabaseActions(Regions.defaults(), new Lifecycle(0)),
                tx,
                accountId,
                regionId,
                name,
                edition,
                version,
                now);
    }
}
