package org.resumablesse.perf.runner;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Reads the kernel's TCP tables ({@code /proc/net/tcp} and {@code tcp6}) to tell which of a
 * server's connections its process still holds. A client that never reads cannot see the server
 * close (the FIN waits behind unsent data), but on one host the server's end of the connection is
 * in the same table: it leaves ESTABLISHED, or loses its inode, when the server closes it.
 */
final class SocketTable {

    private static final String ESTABLISHED = "01";

    private SocketTable() {}

    /** The client ports whose server-side socket, on {@code serverPort}, is still held open. */
    static Set<Integer> heldByServer(int serverPort, Set<Integer> clientPorts) {
        Set<Integer> held = new HashSet<>();
        for (String file : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String line : lines(file)) {
                String[] f = line.trim().split("\\s+");
                if (f.length < 10 || !f[3].equals(ESTABLISHED) || f[9].equals("0")) {
                    continue;
                }
                int local = port(f[1]);
                int remote = port(f[2]);
                if (local == serverPort && clientPorts.contains(remote)) {
                    held.add(remote);
                }
            }
        }
        return held;
    }

    private static int port(String address) {
        return Integer.parseInt(address.substring(address.indexOf(':') + 1), 16);
    }

    private static String[] lines(String file) {
        try {
            return Files.readString(Path.of(file)).split("\n");
        } catch (IOException e) {
            return new String[0];
        }
    }
}
