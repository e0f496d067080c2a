package dev.swasd.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The nonce log of a SQLite database: files beside it, {@code <database>-nonces.<epoch>}, one per
 * 15 minutes of spent nonces, each a sequence of fixed 32-byte records (when, the fingerprint,
 * and a check word). A batch takes the lock of {@code <database>-nonces.lock} (so nodes in other
 * processes take turns with it, and nodes in this JVM through a lock of their own), reads what
 * others appended since its last batch, appends its own in one write, and lets go: four system
 * calls, where the SQLite file it replaces cost a transaction of five statements and eight file
 * locks a batch, most of a request's cost at moderate rates.
 *
 * <p>Durable as the database: a write is in the operating system's cache when the claim is
 * answered, so it survives the process dying ({@code --durability normal}); with
 * {@code --durability strict} each batch is also flushed to the disk before it is answered. A
 * record torn by a crash fails its check word, or is cut off by the next writer, and is never read
 * as a nonce; forgetting old nonces deletes whole files.
 */
final class NonceLogFiles implements NonceLog {
    /** Each file holds one such span of time; a claim's window (15 minutes) reaches into the file before. */
    static final long EPOCH_MILLIS = 15 * 60_000L;

    static final int RECORD = 32;
    /** Mixed into each record's check word ("SWASNONC"), so zeros and other files' bytes never pass. */
    private static final long CHECK = 0x535741534E4F4E43L;
    /** How near the next file's time a batch also looks for entries other nodes put there already. */
    private static final long BOUNDARY_MILLIS = 60_000;

    private static final Map<Path, ReentrantLock> IN_JVM = new ConcurrentHashMap<>();

    private final Path dir;
    private final String name;
    private final Pattern file;
    private final boolean sync;
    private final FileChannel lockFile;
    private final ReentrantLock inJvm;
    /** The files this node reads and writes, by epoch, with how far it has read each. */
    private final TreeMap<Long, Tail> tails = new TreeMap<>();
    /** The epoch before the current one, when it has no file: nobody writes a past epoch's file, so it stays so. */
    private long absentPrevious = Long.MIN_VALUE;

    private static final class Tail {
        final FileChannel channel;
        long read;

        Tail(FileChannel channel) {
            this.channel = channel;
        }
    }

    private NonceLogFiles(Path dir, String name, boolean sync, FileChannel lockFile, ReentrantLock inJvm) {
        this.dir = dir;
        this.name = name;
        this.file = Pattern.compile(Pattern.quote(name) + "\\.(\\d+)");
        this.sync = sync;
        this.lockFile = lockFile;
        this.inJvm = inJvm;
    }

    /** The log of the database file {@code database}; {@code sync} flushes each batch to the disk. */
    static NonceLogFiles open(Path database, boolean sync) {
        Path absolute = database.toAbsolutePath().normalize();
        Path dir = absolute.getParent();
        String name = absolute.getFileName() + "-nonces";
        Path lockPath = dir.resolve(name + ".lock");
        try {
            FileChannel lock = PrivateFiles.openOrCreate(lockPath);
            return new NonceLogFiles(dir, name, sync, lock, IN_JVM.computeIfAbsent(lockPath, p -> new ReentrantLock()));
        } catch (IOException e) {
            throw new StoreException("cannot open the nonce log " + lockPath + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void load(Consumer<Spent> into) {
        locked(() -> {
            try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, name + ".*")) {
                for (Path p : files) {
                    Matcher m = file.matcher(p.getFileName().toString());
                    if (m.matches()) {
                        tail(Long.parseLong(m.group(1)), false);
                    }
                }
            }
            for (Tail t : tails.values()) {
                readNew(t, into);
            }
            return 0;
        });
    }

    @Override
    public int batch(long now, Consumer<Spent> others, Decision decision, long forgetBefore) {
        return locked(() -> {
            long epoch = Math.floorDiv(now, EPOCH_MILLIS);
            // what others appended: the file before (its last minutes are in the window), this
            // one, and the next when its time is near (another node's clock may be there already)
            if (absentPrevious != epoch - 1 && tail(epoch - 1, false) == null) {
                absentPrevious = epoch - 1;
            }
            tail(epoch, true);
            if ((epoch + 1) * EPOCH_MILLIS - now < BOUNDARY_MILLIS) {
                tail(epoch + 1, false);
            }
            for (Tail t : tails.values()) {
                readNew(t, others);
            }
            // the newest file anyone writes is where this batch goes too, so a node behind in time reads it
            append(tails.lastEntry().getValue(), decision.decide());
            return forgetBefore == Long.MIN_VALUE ? 0 : forget(forgetBefore);
        });
    }

    private interface Locked {
        int run() throws IOException;
    }

    private int locked(Locked work) {
        inJvm.lock();
        try (FileLock ignored = lockFile.lock()) {
            return work.run();
        } catch (IOException e) {
            throw new StoreException("nonce log failed: " + e.getMessage(), e);
        } finally {
            inJvm.unlock();
        }
    }

    /** The epoch's file, opened when first met; created only when {@code create}; null when absent. */
    private Tail tail(long epoch, boolean create) throws IOException {
        Tail t = tails.get(epoch);
        if (t != null) {
            return t;
        }
        Path p = dir.resolve(name + "." + epoch);
        boolean created = !Files.exists(p);
        if (created && !create) {
            return null;
        }
        t = new Tail(PrivateFiles.openOrCreate(p));
        tails.put(epoch, t);
        if (created && sync) {
            syncDirectory(); // the new file's name survives a power loss with its first batch
        }
        return t;
    }

    /** Hands on the whole records appended since this node last read the file; a torn last record waits. */
    private static void readNew(Tail t, Consumer<Spent> into) throws IOException {
        long size = t.channel.size();
        long whole = size - size % RECORD;
        if (whole <= t.read) {
            return;
        }
        ByteBuffer b = ByteBuffer.allocate((int) Math.min(whole - t.read, 1 << 20));
        while (t.read < whole) {
            b.clear().limit((int) Math.min(b.capacity(), whole - t.read));
            while (b.hasRemaining()) {
                if (t.channel.read(b, t.read + b.position()) < 0) {
                    break;
                }
            }
            b.flip();
            t.read += b.remaining() - b.remaining() % RECORD;
            while (b.remaining() >= RECORD) {
                long at = b.getLong();
                long hi = b.getLong();
                long lo = b.getLong();
                long check = b.getLong();
                if (check == (at ^ hi ^ lo ^ CHECK)) {
                    into.accept(new Spent(new SpentNonces.Fingerprint(hi, lo), at));
                }
            }
        }
    }

    private void append(Tail t, List<Entry> entries) throws IOException {
        if (entries.isEmpty()) {
            return;
        }
        long size = t.channel.size();
        long end = size - size % RECORD;
        if (end != size) {
            t.channel.truncate(end); // a record a crashed writer tore: never read, now gone
        }
        ByteBuffer b = ByteBuffer.allocate(entries.size() * RECORD);
        for (Entry e : entries) {
            long hi = e.fingerprint().hi();
            long lo = e.fingerprint().lo();
            b.putLong(e.seenAt()).putLong(hi).putLong(lo).putLong(e.seenAt() ^ hi ^ lo ^ CHECK);
        }
        b.flip();
        long at = end;
        while (b.hasRemaining()) {
            at += t.channel.write(b, at);
        }
        if (sync) {
            t.channel.force(false);
        }
        if (t.read == end) {
            t.read = at; // this node's own records need not be read back
        }
    }

    /** Deletes the files whose whole span ended before {@code before}; returns the records they held. */
    private int forget(long before) throws IOException {
        int removed = 0;
        for (Iterator<Map.Entry<Long, Tail>> it = tails.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Tail> e = it.next();
            if ((e.getKey() + 1) * EPOCH_MILLIS > before) {
                break;
            }
            removed += (int) (e.getValue().channel.size() / RECORD);
            e.getValue().channel.close();
            Files.deleteIfExists(dir.resolve(name + "." + e.getKey()));
            it.remove();
        }
        return removed;
    }

    private void syncDirectory() throws IOException {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException | UncheckedIOException e) {
            // not every file system can sync a directory; the file's own sync still holds
        }
    }

    @Override
    public void close() {
        inJvm.lock();
        try {
            for (Tail t : tails.values()) {
                try {
                    t.channel.close();
                } catch (IOException ignored) {
                    // closing; the records are written already
                }
            }
            tails.clear();
            try {
                lockFile.close();
            } catch (IOException ignored) {
                // the lock is released with the channel either way
            }
        } finally {
            inJvm.unlock();
        }
    }
}
