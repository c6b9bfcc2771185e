package org.resumablesse.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;

/**
 * Linux's TCP tables ({@code /proc/net/tcp}, {@code tcp6}), read to tell which connections a server
 * on this host still holds: its end of a connection it closed leaves ESTABLISHED or belongs to no
 * process any more (inode 0), even when the client cannot see the close yet.
 */
final class TcpTable {

    private static final String ESTABLISHED = "01";

    private TcpTable() {}

    /** Of these client ports, those whose connection to {@code serverPort} the server holds. */
    static Set<Integer> heldByServer(int serverPort, Set<Integer> clientPorts) {
        Set<Integer> held = new HashSet<>();
        for (String table : new String[] {"/proc/net/tcp", "/proc/net/tcp6"}) {
            for (String row : rows(table)) {
                String[] field = row.trim().split("\\s+");
                boolean open = field.length > 9 && field[3].equals(ESTABLISHED);
                if (open
                        && !field[9].equals("0")
                        && port(field[1]) == serverPort
                        && clientPorts.contains(port(field[2]))) {
                    held.add(port(field[2]));
                }
            }
        }
        return held;
    }

    private static int port(String hexAddress) {
        return Integer.parseInt(hexAddress.substring(hexAddress.indexOf(':') + 1), 16);
    }

    private static String[] rows(String table) {
        Path path = Path.of(table);
        if (!Files.exists(path)) {
            return new String[0];
        }
        try {
            return Files.readString(path).split("\n");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
