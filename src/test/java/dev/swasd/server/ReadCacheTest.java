package dev.swasd.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.swasd.TestDatabases;
import dev.swasd.catalog.Catalog;
import dev.swasd.catalog.OperationDef;
import dev.swasd.protocol.ApiRequest;
import dev.swasd.protocol.Principal;
import dev.swasd.protocol.ResponseRenderer;
import dev.swasd.protocol.ValidatedParams;
import dev.swasd.store.Database;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A kept result is answered again only while nothing committed since it was read, by this node,
 * another node or another program on the file, and while the clock has not reached its end.
 */
class ReadCacheTest {
    private static final OperationDef LIST =
            Catalog.standard().productForVersion("2020-06-01").orElseThrow().operation("ListCustomImages");
    private static final long NOW = 1_800_000_000_000L;

    @TempDir
    Path dir;

    private String url;
    private Database db;
    private ReadCache cache;
    /** The "database state" the read renders: a row count, so each read shows what it saw. */
    private final AtomicInteger reads = new AtomicInteger();

    @BeforeEach
    void open() {
        Assumptions.assumeFalse(TestDatabases.postgres(), "results are kept on SQLite only");
        url = TestDatabases.fresh(dir, "cache");
        db = Database.open(url, null, null);
        db.write(tx -> tx.update("CREATE TABLE IF NOT EXISTS probe (n INTEGER)"));
        cache = ReadCache.over(db);
    }

    @AfterEach
    void close() {
        if (db != null) {
            db.close();
        }
    }

    private final ReusableRead countRows = (ctx, params, tx) -> {
        reads.incrementAndGet();
        long rows = tx.count("SELECT COUNT(*) FROM probe");
        return new ReusableRead.Result(ResponseFields.of("Rows", rows), Long.MAX_VALUE);
    };

    private String answer(String account, Map<String, Object> params, boolean xml, long now, ReusableRead read) {
        Principal caller = new Principal(account, Principal.Kind.ROOT, null, "AK");
        ApiRequest request =
                new ApiRequest("POST", "h", List.of(), Map.of(), Map.of(), new byte[0], "127.0.0.1", false, xml);
        CallContext ctx = new CallContext("R", caller, LIST, request, now, System.nanoTime());
        byte[] body = cache.answer(ctx, new ValidatedParams(params), read)
                .render("REQUEST-ID")
                .body();
        return new String(body, StandardCharsets.UTF_8);
    }

    private String answer() {
        return answer("1000000000000001", Map.of("RegionId", "cn-hangzhou"), false, NOW, countRows);
    }

    @Test
    void aResultIsReusedUntilThisNodeWrites() {
        assertThat(answer()).isEqualTo("{\"RequestId\":\"REQUEST-ID\",\"Rows\":0}");
        assertThat(answer()).isEqualTo("{\"RequestId\":\"REQUEST-ID\",\"Rows\":0}");
        assertThat(reads).as("the second answer is the kept one").hasValue(1);
        db.write(tx -> tx.update("INSERT INTO probe VALUES (1)"));
        assertThat(answer()).contains("\"Rows\":1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anotherNodesCommitIsSeenByTheNextRequest() {
        answer();
        try (Database other = Database.open(url, null, null)) {
            other.write(tx -> tx.update("INSERT INTO probe VALUES (1)"));
        }
        assertThat(answer()).contains("\"Rows\":1");
        assertThat(reads).hasValue(2);
    }

    @Test
    void anotherProgramsCommitIsSeenByTheNextRequest() throws Exception {
        answer();
        // as the sqlite3 shell or `swasd admin` would write: no swasd code on the way
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("PRAGMA busy_timeout = 10000");
            s.executeUpdate("INSERT INTO probe VALUES (1)");
        }
        assertThat(answer()).contains("\"Rows\":1");
        assertThat(answer()).contains("\"Rows\":1");
        assertThat(reads).as("read again once, then kept again").hasValue(2);
    }

    @Test
    void theBenchmarksSwitchLeavesEveryReadToRun() {
        System.setProperty("swasd.readCache", "off");
        try {
            assertThat(ReadCache.over(db)).isNull();
        } finally {
            System.clearProperty("swasd.readCache");
        }
        assertThat(ReadCache.over(db)).isNotNull();
    }

    @Test
    void aResultIsNotReusedOnceTheClockReachesItsEnd() {
        ReusableRead untilNowPlus10 = (ctx, params, tx) -> {
            reads.incrementAndGet();
            return new ReusableRead.Result(ResponseFields.of("Read", reads.get()), NOW + 10);
        };
        Map<String, Object> p = Map.of("RegionId", "cn-hangzhou");
        assertThat(answer("1000000000000001", p, false, NOW, untilNowPlus10)).contains("\"Read\":1");
        assertThat(answer("1000000000000001", p, false, NOW + 9, untilNowPlus10))
                .contains("\"Read\":1");
        assertThat(answer("1000000000000001", p, false, NOW + 10, untilNowPlus10))
                .contains("\"Read\":2");
    }

    @Test
    void accountsParametersAndFormatsAreKeptApart() {
        answer("1000000000000001", Map.of("RegionId", "cn-hangzhou"), false, NOW, countRows);
        answer("1000000000000002", Map.of("RegionId", "cn-hangzhou"), false, NOW, countRows);
        answer("1000000000000001", Map.of("RegionId", "cn-hangzhou", "PageNumber", 2L), false, NOW, countRows);
        String xml = answer("1000000000000001", Map.of("RegionId", "cn-hangzhou"), true, NOW, countRows);
        assertThat(reads).hasValue(4);
        assertThat(xml)
                .isEqualTo("<?xml version='1.0' encoding='UTF-8'?><ListCustomImagesResponse>"
                        + "<RequestId>REQUEST-ID</RequestId><Rows>0</Rows></ListCustomImagesResponse>");
        answer("1000000000000002", Map.of("RegionId", "cn-hangzhou"), false, NOW, countRows);
        assertThat(reads).as("each kept apart, each reused").hasValue(4);
    }

    /** The response fields a handler would build. */
    private static final class ResponseFields {
        static ObjectNode of(String name, long value) {
            return ResponseRenderer.json().createObjectNode().put(name, value);
        }
    }
}
