package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.swasd.TestDatabases;
import java.nio.file.Path;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The hottest query's plan, on each engine: the page of the caller's images is read off an index
 * in page order (no sort of all the owner's images; PostgreSQL needs migration V9 for that), and
 * the caller's servers made from each listed image are found through the image, not by reading
 * every server of the account for every row (with 300 servers that was 417 µs a page instead of
 * 13 µs; migration V7).
 */
class ListQueryPlanTest {
    private static final Object[] ARGS = {"acct", "acct", "cn-hangzhou", "acct", "acct", "cn-hangzhou", 10, 0};

    @TempDir
    Path dir;

    @Test
    void onSqliteEachListedImageFindsItsServersThroughTheImage() {
        assumeFalse(TestDatabases.postgres(), "SQLite's plan");
        try (Database db = Database.open("jdbc:sqlite:" + dir.resolve("p.db").toAbsolutePath(), null, null)) {
            List<String> plan = db.read(tx -> tx.query(
                    "EXPLAIN QUERY PLAN " + ImageRepository.ownPageSql(tx.dialect()),
                    rs -> rs.getString("detail"),
                    ARGS));
            List<String> serverLookups =
                    new ArrayList<>(plan.stream().filter(d -> d.contains(" i ")).toList());
            assertThat(serverLookups)
                    .as("plan %s", plan)
                    .singleElement()
                    .asString()
                    .contains("USING INDEX instances_image (image_id=? AND account_id=? AND region_id=?)");
            // the page comes off the owner index (deleted_at IS NULL is one of its equalities), in its order
            assertThat(plan)
                    .anySatisfy(d -> assertThat(d)
                            .contains("custom_images USING")
                            .contains("custom_images_owner (account_id=? AND region_id=? AND deleted_at=?)"));
            assertThat(plan).noneSatisfy(d -> assertThat(d).startsWith("SCAN custom_images"));
        }
    }

    @Test
    void onPostgresqlThePageIsReadInOrderAndStopsAtItsLimit() throws Exception {
        assumeTrue(TestDatabases.postgres(), "PostgreSQL's plan");
        try (Database db = Database.open(TestDatabases.fresh(dir, "plan"), null, null)) {
            List<String> plan = db.withConnection(c -> {
                try (Statement s = c.createStatement()) {
                    // an empty table is cheapest to scan whole; the question is which index serves the order
                    s.execute("SET enable_seqscan = off");
                }
                try {
                    return new Tx(c, Database.Dialect.POSTGRESQL)
                            .query(
                                    "EXPLAIN " + ImageRepository.ownPageSql(Database.Dialect.POSTGRESQL),
                                    rs -> rs.getString(1),
                                    ARGS);
                } finally {
                    try (Statement s = c.createStatement()) {
                        s.execute("RESET enable_seqscan");
                    }
                }
            });
            String text = String.join("\n", plan);
            assertThat(text).contains("Index Scan Backward using custom_images_live on custom_images");
            // the only sort left is of the page's ten rows after the join, above the limit
            int limit = text.indexOf("Limit");
            assertThat(limit).as(text).isPositive();
            assertThat(text.substring(limit)).as(text).doesNotContain("Sort");
        }
    }
}
