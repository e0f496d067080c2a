package dev.swasd.ram;

import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Optional;

/**
 * An IPv4 or IPv6 address block from an {@code IpAddress}/{@code NotIpAddress} condition: a CIDR
 * ({@code 192.0.2.0/24}, {@code 2001:db8::/32}) or a single address (a /32 or /128 block).
 * Host bits set in a CIDR's address are ignored, as {@code 192.0.2.7/24} can only mean the /24.
 * An IPv4 address never falls in an IPv6 block or the reverse (ram.md section 5, inferred).
 */
record IpRange(byte[] network, int prefixLength) {
    IpRange {
        network = mask(network.clone(), prefixLength);
    }

    static Optional<IpRange> parse(String text) {
        int slash = text.indexOf('/');
        Optional<byte[]> address = parseAddress(slash < 0 ? text : text.substring(0, slash));
        if (address.isEmpty()) {
            return Optional.empty();
        }
        int bits = address.get().length * 8;
        if (slash < 0) {
            return Optional.of(new IpRange(address.get(), bits));
        }
        String prefix = text.substring(slash + 1);
        if (!prefix.matches("[0-9]{1,3}")) {
            return Optional.empty();
        }
        int length = Integer.parseInt(prefix);
        return length > bits ? Optional.empty() : Optional.of(new IpRange(address.get(), length));
    }

    boolean contains(byte[] address) {
        return address.length == network.length && Arrays.equals(mask(address.clone(), prefixLength), network);
    }

    /**
     * Parses a literal address without ever consulting DNS: 4 bytes for dotted-quad IPv4, 16 for
     * IPv6 (an IPv4-mapped IPv6 literal such as {@code ::ffff:192.0.2.1} stays 16 bytes, i.e. IPv6).
     */
    static Optional<byte[]> parseAddress(String text) {
        if (text.indexOf(':') >= 0) {
            return parseIpv6(text);
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] out = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (!parts[i].matches("[0-9]{1,3}")) {
                return Optional.empty();
            }
            int octet = Integer.parseInt(parts[i]);
            if (octet > 255) {
                return Optional.empty();
            }
            out[i] = (byte) octet;
        }
        return Optional.of(out);
    }

    private static Optional<byte[]> parseIpv6(String text) {
        // Only hex digits, colons and dots (embedded IPv4) may reach InetAddress, which then parses a
        // literal instead of resolving a name; zone ids (%eth0) and brackets are refused.
        if (!text.matches("[0-9A-Fa-f:.]+")) {
            return Optional.empty();
        }
        try {
            InetAddress parsed = InetAddress.getByName(text);
            byte[] bytes = parsed.getAddress();
            if (parsed instanceof Inet4Address) {
                // Java turns ::ffff:a.b.c.d into an IPv4 address; keep it IPv6 as it was written.
                byte[] mapped = new byte[16];
                mapped[10] = (byte) 0xff;
                mapped[11] = (byte) 0xff;
                System.arraycopy(bytes, 0, mapped, 12, 4);
                return Optional.of(mapped);
            }
            return Optional.of(bytes);
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static byte[] mask(byte[] address, int prefixLength) {
        for (int i = 0; i < address.length; i++) {
            int keep = Math.max(0, Math.min(8, prefixLength - i * 8));
            address[i] &= (byte) (0xff << (8 - keep));
        }
        return address;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IpRange r && r.prefixLength == prefixLength && Arrays.equals(r.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefixLength;
    }

    @Override
    public String toString() {
        return Arrays.toString(network) + "/" + prefixLength;
    }
}
