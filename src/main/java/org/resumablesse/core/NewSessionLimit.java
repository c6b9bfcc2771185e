package org.resumablesse.core;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Counts the sessions issued to each client address in fixed windows of {@code
 * new-session-interval} measured on the monotonic {@link Ticker}, and refuses one more past {@code
 * max-new-sessions-per-address} until the window ends. All counters are dropped when a window ends,
 * and at most {@code maxAddresses} addresses are counted in one window: an address not seen yet
 * once that many are is refused until the window ends, so a flood from many addresses cannot grow
 * the heap (it is refused like one from a single address would be). An IPv6 address counts by its
 * /64 prefix.
 *
 * <p>Thread-safe: one lock, held for a map operation.
 */
final class NewSessionLimit {

    private final int maxPerAddress;
    private final long windowNanos;
    private final int maxAddresses;
    private final Ticker ticker;
    private final Map<String, int[]> counts = new HashMap<>();
    private long windowStart;

    /**
     * @param maxPerAddress sessions per address and window; 0 turns the limit off
     * @param maxAddresses the most addresses counted in one window, one or more
     */
    NewSessionLimit(int maxPerAddress, long windowNanos, int maxAddresses, Ticker ticker) {
        this.maxPerAddress = maxPerAddress;
        this.windowNanos = windowNanos;
        this.maxAddresses = maxAddresses;
        this.ticker = ticker;
        this.windowStart = ticker.nanos();
    }

    /**
     * Counts one new session for the address.
     *
     * @param address the client's textual address; null (unknown) is never limited
     * @return 0 when counted; otherwise the milliseconds until the window ends (at least 1), and
     *     nothing was counted
     */
    synchronized long tryCount(String address) {
        if (maxPerAddress == 0 || address == null) {
            return 0;
        }
        String key = key(address);
        long now = ticker.nanos();
        if (now - windowStart >= windowNanos) {
            counts.clear();
            windowStart = now;
        }
        int[] count = counts.get(key);
        if (count == null) {
            if (counts.size() >= maxAddresses) {
                return untilWindowEnds(now);
            }
            count = new int[1];
            counts.put(key, count);
        }
        if (count[0] >= maxPerAddress) {
            return untilWindowEnds(now);
        }
        count[0]++;
        return 0;
    }

    /**
     * What an address is counted as: an IPv6 address by its /64 prefix, which one subscriber or
     * host usually holds whole (so cycling through it buys nothing); anything else as it is.
     */
    static String key(String address) {
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A text with a colon is parsed as an IPv6 literal; it is never looked up by name.
            byte[] bytes = InetAddress.getByName(address).getAddress();
            if (bytes.length != 16) {
                return address;
            }
            StringBuilder prefix = new StringBuilder("v6:");
            for (int i = 0; i < 8; i++) {
                prefix.append(Character.forDigit((bytes[i] >> 4) & 0xf, 16))
                        .append(Character.forDigit(bytes[i] & 0xf, 16));
            }
            return prefix.toString();
        } catch (UnknownHostException e) {
            return address;
        }
    }

    /** How many addresses are counted now. */
    synchronized int addresses() {
        return counts.size();
    }

    private long untilWindowEnds(long now) {
        long left = windowNanos - (now - windowStart);
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(left + 999_999));
    }
}
