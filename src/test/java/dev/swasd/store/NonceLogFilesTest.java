package dev.swasd.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.swasd.store.NonceLog.Entry;
import dev.swasd.store.NonceLog.Spent;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NonceLogFilesTest {
    private static final long EPOCH = NonceLogFiles.EPOCH_MILLIS;

    @TempDir
    Path dir;

    private static Entry entry(String nonce, long at) {
        return new Entry("AK", nonce, SpentNonces.Fingerprint.of("AK", nonce), at);
    }

    private static List<Spent> load(NonceLogFiles log) {
        List<Spent> out = new ArrayList<>();
        log.load(out::add);
        return out;
    }

    @Test
    void whatOneInstanceAppendsTheOtherReadsAndAReopenedOneLoads() {
        Path db = dir.resolve("a.db");
        long t = 100 * EPOCH + 1000;
        try (NonceLogFiles a = NonceLogFiles.open(db, false);
                NonceLogFiles b = NonceLogFiles.open(db, false)) {
            load(a);
            load(b);
            a.batch(t, s -> {}, () -> List.of(entry("n1", t), entry("n2", t + 1)), Long.MIN_VALUE);
            List<Spent> seenByB = new ArrayList<>();
            b.batch(t + 2, seenByB::add, () -> List.of(entry("n3", t + 2)), Long.MIN_VALUE);
            assertThat(seenByB)
                    .extracting(Spent::fingerprint)
                    .containsExactly(SpentNonces.Fingerprint.of("AK", "n1"), SpentNonces.Fingerprint.of("AK", "n2"));
            List<Spent> seenByA = new ArrayList<>();
            a.batch(t + 3, seenByA::add, List::of, Long.MIN_VALUE);
            assertThat(seenByA).extracting(Spent::seenAt).containsExactly(t + 2);
        }
        try (NonceLogFiles again = NonceLogFiles.open(db, true)) {
            assertThat(load(again)).extracting(Spent::seenAt).containsExactly(t, t + 1, t + 2);
        }
    }

    @Test
    void aTornOrCorruptRecordIsNeverReadAndTheNextAppendCutsTheTornOneOff() throws Exception {
        Path db = dir.resolve("t.db");
        long t = 200 * EPOCH;
        try (NonceLogFiles log = NonceLogFiles.open(db, false)) {
            load(log);
            log.batch(t, s -> {}, () -> List.of(entry("good", t)), Long.MIN_VALUE);
        }
        Path file = dir.resolve("t.db-nonces.200");
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE, StandardOpenOption.APPEND)) {
            ch.write(ByteBuffer.wrap(new byte[32])); // a whole record of zeros: fails its check word
            ch.write(ByteBuffer.wrap(new byte[] {1, 2, 3, 4, 5, 6, 7})); // half a record, as a crash leaves one
        }
        try (NonceLogFiles log = NonceLogFiles.open(db, false)) {
            assertThat(load(log)).extracting(Spent::seenAt).containsExactly(t);
            log.batch(t + 5, s -> {}, () -> List.of(entry("after", t + 5)), Long.MIN_VALUE);
        }
        assertThat(Files.size(file) % NonceLogFiles.RECORD).isZero();
        try (NonceLogFiles log = NonceLogFiles.open(db, false)) {
            assertThat(load(log)).extracting(Spent::seenAt).containsExactly(t, t + 5);
        }
    }

    @Test
    void forgettingDeletesTheFilesWhoseTimeHasPassed() {
        Path db = dir.resolve("f.db");
        try (NonceLogFiles log = NonceLogFiles.open(db, false)) {
            load(log);
            log.batch(
                    300 * EPOCH,
                    s -> {},
                    () -> List.of(entry("old", 300 * EPOCH), entry("old2", 300 * EPOCH)),
                    Long.MIN_VALUE);
            log.batch(301 * EPOCH + 5, s -> {}, () -> List.of(entry("new", 301 * EPOCH + 5)), Long.MIN_VALUE);
            assertThat(log.batch(302 * EPOCH, s -> {}, List::of, 301 * EPOCH + 10))
                    .as("records forgotten")
                    .isEqualTo(2);
        }
        assertThat(dir.resolve("f.db-nonces.300")).doesNotExist();
        assertThat(dir.resolve("f.db-nonces.301")).exists();
    }

    @Test
    void nearTheNextSpanABatchReadsWhatAnotherNodeAlreadyPutThere() {
        Path db = dir.resolve("b.db");
        long boundary = 400 * EPOCH;
        try (NonceLogFiles ahead = NonceLogFiles.open(db, false);
                NonceLogFiles behind = NonceLogFiles.open(db, false)) {
            load(ahead);
            load(behind);
            behind.batch(boundary - 30_000, s -> {}, () -> List.of(entry("before", boundary - 30_000)), Long.MIN_VALUE);
            ahead.batch(boundary + 10, s -> {}, () -> List.of(entry("past", boundary + 10)), Long.MIN_VALUE);
            List<Spent> seen = new ArrayList<>();
            behind.batch(boundary - 20_000, seen::add, () -> List.of(entry("late", boundary - 20_000)), Long.MIN_VALUE);
            assertThat(seen).extracting(Spent::seenAt).containsExactly(boundary + 10);
            List<Spent> seenAhead = new ArrayList<>();
            ahead.batch(boundary + 20, seenAhead::add, List::of, Long.MIN_VALUE);
            assertThat(seenAhead)
                    .as("the node behind wrote to the newest file, which the one ahead reads")
                    .extracting(Spent::seenAt)
                    .containsExactly(boundary - 20_000);
        }
    }
}
