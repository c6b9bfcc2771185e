package org.resumablesse.it;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP relay on a free local port in front of the server, whose connections a test can cut at any
 * moment, as a flaky network or a proxy restart would. Each connection uses two daemon threads, one
 * per direction. Closing the proxy closes everything it holds.
 */
final class CuttingProxy implements AutoCloseable {

    private final ServerSocket listener;
    private final InetSocketAddress target;
    private final Set<Socket> open = ConcurrentHashMap.newKeySet();
    private final Thread acceptor;

    CuttingProxy(URI server) throws IOException {
        this.target = new InetSocketAddress(server.getHost(), server.getPort());
        this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        this.acceptor = new Thread(this::accept, "cutting-proxy-accept");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** The same URI, through the proxy. */
    URI via(URI uri) {
        return URI.create(
                uri.toString()
                        .replaceFirst("//[^/]+/", "//127.0.0.1:" + listener.getLocalPort() + "/"));
    }

    /** Cuts every connection open now; new ones are relayed as before. */
    int cutAll() {
        int cut = 0;
        for (Socket socket : open) {
            if (open.remove(socket)) {
                closeQuietly(socket);
                cut++;
            }
        }
        return cut / 2;
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Socket server = new Socket(target.getAddress(), target.getPort());
                open.add(client);
                open.add(server);
                pipe(client, server);
                pipe(server, client);
            } catch (IOException e) {
                // The listener closed, or the server refused: the client sees its socket close.
            }
        }
    }

    private void pipe(Socket from, Socket to) {
        Thread thread =
                new Thread(
                        () -> {
                            byte[] buffer = new byte[8192];
                            try (InputStream in = from.getInputStream();
                                    OutputStream out = to.getOutputStream()) {
                                for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                                    out.write(buffer, 0, n);
                                    out.flush();
                                }
                            } catch (IOException e) {
                                // Cut or closed: end both sides below.
                            } finally {
                                open.remove(from);
                                open.remove(to);
                                closeQuietly(from);
                                closeQuietly(to);
                            }
                        },
                        "cutting-proxy-pipe");
        thread.setDaemon(true);
        thread.start();
    }

    @Override
    public void close() {
        closeQuietly(listener);
        open.forEach(CuttingProxy::closeQuietly);
        open.clear();
    }

    private static void closeQuietly(AutoCloseable closeable) {
        try {
            closeable.close();
        } catch (Exception e) {
            // Already closed.
        }
    }
}
