package dev.swasd.store;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * The nonces spent lately, in memory, so that deciding a claim needs no index lookup (and no
 * random index page written) in the database. Each nonce is kept as a 112-bit fingerprint of its
 * AccessKeyId and value with the millisecond it was spent: 16 bytes a slot, in one open-addressed
 * table per minute, so forgetting a minute drops its table whole. Two different nonces share a
 * fingerprint with a probability of about n / 2^112 per claim (n nonces remembered), which no
 * deployment reaches.
 *
 * <p>Not thread-safe: the nonce writer thread alone uses it.
 */
final class SpentNonces {
    private static final long MINUTE = 60_000;
    /** The low 16 bits of a slot's second word hold the millisecond within its minute. */
    private static final long OFFSET_BITS = 0xFFFF;

    private static final MessageDigest SHA256;

    static {
        try {
            SHA256 = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new ExceptionInInitializerError(e);
        }
    }

    /** A nonce's identity: 64 + 48 bits of SHA-256 over its AccessKeyId and value. */
    record Fingerprint(long hi, long lo) {
        static Fingerprint of(String accessKeyId, String nonce) {
            MessageDigest sha;
            try {
                sha = (MessageDigest) SHA256.clone(); // getInstance looks up the provider each time
            } catch (CloneNotSupportedException e) {
                throw new IllegalStateException(e);
            }
            byte[] key = accessKeyId.getBytes(StandardCharsets.UTF_8);
            // the key's length first, so that no other split of the same characters collides
            sha.update(ByteBuffer.allocate(4).putInt(key.length).array());
            sha.update(key);
            ByteBuffer d = ByteBuffer.wrap(sha.digest(nonce.getBytes(StandardCharsets.UTF_8)));
            long hi = d.getLong();
            // the bit at 16 is always set, so no fingerprint is the empty slot (0, 0)
            long lo = (d.getLong() & ~OFFSET_BITS) | (1L << 16);
            return new Fingerprint(hi, lo);
        }
    }

    private final TreeMap<Long, Table> byMinute = new TreeMap<>();
    /** Nothing spent before this is remembered, whatever a table still holds (see {@link #forgetBefore}). */
    private long forgottenBefore = Long.MIN_VALUE;

    private int size;

    /** Whether the nonce was spent at {@code since} or later (and not forgotten). */
    boolean spentSince(Fingerprint f, long since) {
        long from = Math.max(since, forgottenBefore);
        for (Map.Entry<Long, Table> e :
                byMinute.tailMap(Math.floorDiv(from, MINUTE), true).entrySet()) {
            long at = e.getValue().spentAt(f, e.getKey() * MINUTE);
            if (at >= from) {
                return true;
            }
        }
        return false;
    }

    /** Remembers the nonce as spent at {@code at}. */
    void add(Fingerprint f, long at) {
        long minute = Math.floorDiv(at, MINUTE);
        Table t = byMinute.computeIfAbsent(minute, m -> new Table());
        if (t.put(f, (int) (at - minute * MINUTE))) {
            size++;
        }
    }

    /** Forgets every nonce spent before {@code t}: whole minutes at once, the rest by the bound. */
    void forgetBefore(long t) {
        forgottenBefore = Math.max(forgottenBefore, t);
        long firstKept = Math.floorDiv(forgottenBefore, MINUTE);
        for (Iterator<Map.Entry<Long, Table>> it = byMinute.entrySet().iterator(); it.hasNext(); ) {
            Map.Entry<Long, Table> e = it.next();
            if (e.getKey() >= firstKept) {
                break;
            }
            size -= e.getValue().size;
            it.remove();
        }
    }

    /** Fingerprints held, the expired ones of the oldest minute included. */
    int size() {
        return size;
    }

    /** One minute's fingerprints: linear probing over two parallel arrays, grown at 70 % full. */
    private static final class Table {
        private long[] hi = new long[64];
        private long[] lo = new long[64];
        private int size;

        /** The millisecond the fingerprint was spent, or Long.MIN_VALUE when this minute has not seen it. */
        long spentAt(Fingerprint f, long minuteStart) {
            int mask = hi.length - 1;
            for (int i = slot(f, mask); ; i = (i + 1) & mask) {
                long h = hi[i];
                long l = lo[i];
                if (h == 0 && l == 0) {
                    return Long.MIN_VALUE;
                }
                if (h == f.hi() && (l & ~OFFSET_BITS) == f.lo()) {
                    return minuteStart + (l & OFFSET_BITS);
                }
            }
        }

        /** @return whether the fingerprint is new to this minute (else its time is updated) */
        boolean put(Fingerprint f, int offset) {
            if ((size + 1) * 10L > hi.length * 7L) {
                grow();
            }
            int mask = hi.length - 1;
            for (int i = slot(f, mask); ; i = (i + 1) & mask) {
                if (hi[i] == 0 && lo[i] == 0) {
                    hi[i] = f.hi();
                    lo[i] = f.lo() | offset;
                    size++;
                    return true;
                }
                if (hi[i] == f.hi() && (lo[i] & ~OFFSET_BITS) == f.lo()) {
                    lo[i] = f.lo() | Math.max(offset, (int) (lo[i] & OFFSET_BITS));
                    return false;
                }
            }
        }

        private void grow() {
            long[] oldHi = hi;
            long[] oldLo = lo;
            hi = new long[oldHi.length * 2];
            lo = new long[oldLo.length * 2];
            int mask = hi.length - 1;
            for (int j = 0; j < oldHi.length; j++) {
                if (oldHi[j] != 0 || oldLo[j] != 0) {
                    int i = (int) (oldHi[j] & mask);
                    while (hi[i] != 0 || lo[i] != 0) {
                        i = (i + 1) & mask;
                    }
                    hi[i] = oldHi[j];
                    lo[i] = oldLo[j];
                }
            }
        }

        private static int slot(Fingerprint f, int mask) {
            return (int) (f.hi() & mask); // the hash is SHA-256: any of its bits is as good as another
        }
    }
}
