package org.resumablesse.it;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A server process of a test's own, serving the demo WAR at the root on a free port of 127.0.0.1,
 * for tests that stop it the way a container platform does (SIGTERM) and so cannot share the
 * Arquillian server. The server is the one this test execution targets ({@code arquillian.launch}:
 * Payara Micro, or OpenLiberty with the repository's {@code liberty/server.xml}), unless the test
 * names a {@link Kind}. Stopped by its PID, never by name. Not thread-safe.
 */
final class StandaloneServer implements AutoCloseable {

    /** The server a process runs. */
    enum Kind {
        PAYARA,
        LIBERTY;

        /** The kind this test execution targets ({@code arquillian.launch}). */
        static Kind launched() {
            return "liberty".equals(System.getProperty("arquillian.launch")) ? LIBERTY : PAYARA;
        }

        /**
         * Whether this build prepared the kind's runtime: the build skips a server's preparation
         * with its tests ({@code it.payara.skip}, {@code it.liberty.skip}).
         */
        boolean prepared() {
            return this == PAYARA
                    ? Files.isRegularFile(Path.of(System.getProperty("payara.microJar")))
                    : Files.isExecutable(Path.of(System.getProperty("wlp.home"), "bin", "server"));
        }
    }

    private final Process process;
    private final URI base;

    private StandaloneServer(Process process, URI base) {
        this.process = process;
        this.base = base;
    }

    /** Starts the server and waits until it serves the demo page. */
    static StandaloneServer start(String name) throws IOException {
        return start(name, Map.of());
    }

    /**
     * Starts the server with these system properties (MicroProfile Config reads them) and waits
     * until it serves the demo page.
     */
    static StandaloneServer start(String name, Map<String, String> properties) throws IOException {
        return start(Kind.launched(), name, properties);
    }

    /**
     * Starts a server of this kind with these system properties and waits until it serves the demo
     * page.
     */
    static StandaloneServer start(Kind kind, String name, Map<String, String> properties)
            throws IOException {
        int port = freePort();
        Path work = Path.of(System.getProperty("payara.tmpdir"), "standalone-" + name);
        Files.createDirectories(work);
        List<String> command =
                kind == Kind.LIBERTY
                        ? liberty(name, port, properties)
                        : payara(work, port, properties);
        Process process =
                new ProcessBuilder(command)
                        .redirectErrorStream(true)
                        .redirectOutput(work.resolve("server.log").toFile())
                        .start();
        StandaloneServer server =
                new StandaloneServer(process, URI.create("http://127.0.0.1:" + port + "/"));
        try {
            server.awaitReady(Timeouts.seconds(120));
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        }
        return server;
    }

    URI base() {
        return base;
    }

    /** Sends SIGTERM, as a container platform does, and waits for the process to end. */
    void terminate(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError("the server did not stop within " + timeout + " of SIGTERM");
        }
    }

    @Override
    public void close() {
        if (process.isAlive()) {
            process.destroyForcibly();
        }
    }

    private void awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new AssertionError("the server exited at start, code " + process.exitValue());
            }
            try {
                HttpURLConnection get = (HttpURLConnection) base.toURL().openConnection();
                get.setConnectTimeout(1000);
                get.setReadTimeout(5000);
                if (get.getResponseCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // starting
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(250));
        }
        throw new AssertionError("the server did not serve / within " + timeout);
    }

    private static List<String> payara(Path work, int port, Map<String, String> properties) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.add("-Djava.io.tmpdir=" + work);
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(payaraArguments(port));
        return command;
    }

    private static List<String> payaraArguments(int port) {
        return List.of(
                "-jar",
                System.getProperty("payara.microJar"),
                "--deploy",
                System.getProperty("demo.war"),
                "--contextroot",
                "/",
                "--port",
                Integer.toString(port),
                "--nohazelcast",
                "--disablephonehome",
                "--prebootcommandfile",
                System.getProperty("payara.preboot"));
    }

    /**
     * A server of its own in the shared runtime, configured like the demo's, run in the foreground.
     */
    private static List<String> liberty(String name, int port, Map<String, String> properties)
            throws IOException {
        Path wlp = Path.of(System.getProperty("wlp.home"));
        Path server = wlp.resolve("usr/servers/" + name);
        Files.createDirectories(server.resolve("apps"));
        Files.copy(
                Path.of(System.getProperty("liberty.serverXml")),
                server.resolve("server.xml"),
                StandardCopyOption.REPLACE_EXISTING);
        Files.writeString(server.resolve("bootstrap.properties"), "http.port=" + port + "\n");
        StringBuilder options = new StringBuilder();
        properties.forEach(
                (key, value) ->
                        options.append("-D").append(key).append('=').append(value).append('\n'));
        Files.writeString(server.resolve("jvm.options"), options);
        Files.copy(
                Path.of(System.getProperty("demo.war")),
                server.resolve("apps/resumable-sse-demo.war"),
                StandardCopyOption.REPLACE_EXISTING);
        return List.of(wlp.resolve("bin/server").toString(), "run", name);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
