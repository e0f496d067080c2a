package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.swasd.TestDatabases;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The record ↔ table mapper, on SQLite, or on PostgreSQL with {@code -Dswasd.test.pg} (TestDatabases). */
class TableTest {
    enum Kind {
        SMALL,
        LARGE
    }

    record Item(
            String itemId,
            String ownerId,
            String displayName,
            int sizeGib,
            boolean enabled,
            Kind kind,
            Integer priority,
            long createdAt,
            Long deletedAt,
            long version) {
        Item withName(String name) {
            return new Item(itemId, ownerId, name, sizeGib, enabled, kind, priority, createdAt, deletedAt, version);
        }
    }

    record Plain(String plainId, String note) {}

    @TempDir
    Path dir;

    Database db;
    final Table<Item> items = new Table<>("table_test_items", Item.class, "itemId");
    final Table<Plain> plains = new Table<>("table_test_plain", Plain.class, "plainId");

    @BeforeEach
    void open() {
        db = Database.open(TestDatabases.fresh(dir, "table"), null, null);
        db.write(tx -> {
            tx.update("CREATE TABLE table_test_items (item_id VARCHAR(32) PRIMARY KEY, owner_id VARCHAR(16) NOT NULL, "
                    + "display_name VARCHAR(64), size_gib INTEGER NOT NULL, enabled INTEGER NOT NULL, "
                    + "kind VARCHAR(8) NOT NULL, priority INTEGER, created_at BIGINT NOT NULL, deleted_at BIGINT, "
                    + "version BIGINT NOT NULL)");
            tx.update("CREATE TABLE table_test_plain (plain_id VARCHAR(32) PRIMARY KEY, note VARCHAR(64))");
            return null;
        });
    }

    @AfterEach
    void close() {
        db.close();
    }

    boolean written(Predicate<Tx> work) {
        return db.write(work::test);
    }

    long counted(ToLongFunction<Tx> work) {
        return db.read(work::applyAsLong);
    }

    <R extends Record> Optional<R> found(Table<R> table, String key) {
        return db.read(tx -> table.find(tx, key));
    }

    <R extends Record> List<R> listed(Table<R> table, Function<Tx, List<R>> work) {
        return db.read(work::apply);
    }

    static Item item(String id, String owner, long createdAt) {
        return new Item(id, owner, "name-" + id, 20, true, Kind.SMALL, null, createdAt, null, 0);
    }

    @Test
    void columnsAreTheComponentsInSnakeCase() {
        assertThat(Table.column("sourceCidrIp")).isEqualTo("source_cidr_ip");
        assertThat(Table.column("diskSizeGib")).isEqualTo("disk_size_gib");
        assertThat(Table.column("port")).isEqualTo("port");
    }

    @Test
    void insertAndFindRoundTripEveryType() {
        Item a = new Item("a", "o1", null, 40, false, Kind.LARGE, 7, 1_800_000_000_123L, null, 0);
        db.write(tx -> {
            items.insert(tx, a);
            return null;
        });
        assertThat(found(items, "a")).contains(a);
        assertThat(found(items, "nope")).isEmpty();
    }

    @Test
    void updateIsOptimisticOnTheVersion() {
        db.write(tx -> {
            items.insert(tx, item("a", "o1", 1));
            return null;
        });
        Item read = found(items, "a").orElseThrow();
        assertThat(written(tx -> items.update(tx, read.withName("first")))).isTrue();
        // the same stale copy again: the stored version moved on
        assertThat(written(tx -> items.update(tx, read.withName("second")))).isFalse();
        Item now = found(items, "a").orElseThrow();
        assertThat(now.displayName()).isEqualTo("first");
        assertThat(now.version()).isEqualTo(1);
        assertThat(written(tx -> items.update(tx, item("ghost", "o1", 1)))).isFalse();
    }

    @Test
    void softDeleteHidesTheRowButKeepsIt() {
        db.write(tx -> {
            items.insert(tx, item("a", "o1", 1));
            items.insert(tx, item("b", "o1", 2));
            return null;
        });
        assertThat(written(tx -> items.softDelete(tx, "a", 99))).isTrue();
        assertThat(written(tx -> items.softDelete(tx, "a", 100))).isFalse();
        assertThat(found(items, "a")).isEmpty();
        assertThat(listed(items, tx -> items.list(tx, null, "created_at")))
                .extracting(Item::itemId)
                .containsExactly("b");
        assertThat(counted(tx -> items.count(tx, "owner_id = ?", "o1"))).isEqualTo(1);
        assertThat(counted(tx -> tx.count("SELECT COUNT(*) FROM table_test_items WHERE deleted_at = 99")))
                .isEqualTo(1);
        assertThatThrownBy(() -> db.write(tx -> plains.softDelete(tx, "x", 1)))
                .isInstanceOf(IllegalStateException.class);
    }

    @Test
    void listFiltersAndOrders() {
        db.write(tx -> {
            items.insert(tx, item("c", "o1", 3));
            items.insert(tx, item("a", "o1", 1));
            items.insert(tx, item("b", "o2", 2));
            items.insert(tx, item("d", "o1", 2));
            return null;
        });
        assertThat(listed(items, tx -> items.list(tx, "owner_id = ?", "created_at DESC, item_id", "o1")))
                .extracting(Item::itemId)
                .containsExactly("c", "d", "a");
        assertThat(listed(items, tx -> items.list(tx, "owner_id = ? AND created_at >= ?", "item_id", "o1", 2L)))
                .extracting(Item::itemId)
                .containsExactly("c", "d");
        assertThat(listed(items, tx -> items.list(tx, "", "item_id"))).hasSize(4);
    }

    @Test
    void aTableWithoutVersionOrDeletedAtUpdatesAndDeletesPlainly() {
        db.write(tx -> {
            plains.insert(tx, new Plain("p", "one"));
            return null;
        });
        assertThat(written(tx -> plains.update(tx, new Plain("p", "two")))).isTrue();
        assertThat(found(plains, "p")).contains(new Plain("p", "two"));
        assertThat(written(tx -> plains.delete(tx, "p"))).isTrue();
        assertThat(written(tx -> plains.delete(tx, "p"))).isFalse();
        assertThat(listed(plains, tx -> plains.list(tx, null, null))).isEmpty();
    }

    @Test
    void unsupportedRecordsAreRefusedAtConstruction() {
        record Odd(String id, Instant at) {}
        assertThatThrownBy(() -> new Table<>("odd", Odd.class, "id")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Table<>("plain", Plain.class, "missing"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(List.of(items.name(), plains.name())).containsExactly("table_test_items", "table_test_plain");
    }
}
