package org.resumablesse.perf.runner;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A server the runner started as its own process: the ceiling, Payara Micro or OpenLiberty, with
 * its output in a log file under the work directory. Ready once its control endpoint answers with
 * its pid. {@link #stop()} sends SIGTERM to that process (its pid, never a name) and kills it after
 * 60 s. Not thread-safe.
 */
final class ServerProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(300);

    private final String name;
    private final Process process;
    private final int port;
    private final Control control;
    private final String contextPath;
    private long pid = -1;

    private ServerProcess(
            String name, Process process, int port, String contextPath, String controlPath) {
        this.name = name;
        this.process = process;
        this.port = port;
        this.contextPath = contextPath;
        this.control = new Control("http://127.0.0.1:" + port + controlPath);
    }

    /** The ceiling on {@code port}, in a JVM with the runner's class path. */
    static ServerProcess ceiling(Path work, int port) {
        List<String> command =
                List.of(
                        java(),
                        "-Xmx2g",
                        "-cp",
                        System.getProperty("java.class.path"),
                        "org.resumablesse.perf.ceiling.CeilingServer",
                        Integer.toString(port));
        return start("ceiling", command, Map.of(), work, port, "", "/control");
    }

    /** Payara Micro from its jar, serving the WAR at {@code /perf}, without Hazelcast. */
    static ServerProcess payara(Path work, Path jar, Path war, int port) {
        return payara("payara", work, jar, war, port, List.of());
    }

    /**
     * Payara Micro as {@link #payara(Path, Path, Path, int)}, logging to {@code <name>.log}, with
     * more JVM options (such as {@code -Dresumable-sse.store=redis}, which MicroProfile Config
     * reads from the system properties).
     */
    static ServerProcess payara(
            String name, Path work, Path jar, Path war, int port, List<String> jvmOptions) {
        Path tmp = work.resolve("payara-tmp");
        Path preboot = work.resolve("payara-preboot.txt");
        mkdirs(tmp);
        copyResource("payara-preboot.txt", preboot);
        List<String> command =
                new ArrayList<>(List.of(java(), "-Xmx2g", "-Djava.io.tmpdir=" + tmp));
        command.addAll(jvmOptions);
        command.addAll(
                List.of(
                        "-jar",
                        jar.toString(),
                        "--deploy",
                        war.toString(),
                        "--contextroot",
                        "perf",
                        "--port",
                        Integer.toString(port),
                        "--nohazelcast",
                        "--disablephonehome",
                        "--prebootcommandfile",
                        preboot.toString()));
        return start(name, command, Map.of(), work, port, "/perf", "/perf/api/control");
    }

    /** OpenLiberty from an unpacked runtime: a fresh server {@code perf} with the WAR. */
    static ServerProcess liberty(Path work, Path wlp, Path war, int port) {
        Path server = wlp.resolve("usr/servers/perf");
        mkdirs(server.resolve("apps"));
        copyResource("liberty-server.xml", server.resolve("server.xml"));
        try {
            Files.writeString(server.resolve("bootstrap.properties"), "http.port=" + port + "\n");
            Files.writeString(server.resolve("jvm.options"), "-Xmx2g\n");
            Files.copy(war, server.resolve("apps/perf.war"), StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        List<String> command =
                List.of(wlp.resolve("bin/server").toString(), "run", "perf", "--clean");
        Path javaHome = Path.of(java()).getParent().getParent();
        return start(
                "liberty",
                command,
                Map.of("JAVA_HOME", javaHome.toString()),
                work,
                port,
                "/perf",
                "/perf/api/control");
    }

    String name() {
        return name;
    }

    int port() {
        return port;
    }

    /** The path the WAR's context root adds, "" for the ceiling. */
    String contextPath() {
        return contextPath;
    }

    Control control() {
        return control;
    }

    /** The server JVM's pid, as it reported it. */
    long pid() {
        return pid;
    }

    void stop() {
        if (!process.isAlive()) {
            return;
        }
        process.toHandle().destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.toHandle().destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.toHandle().destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        stop();
    }

    private static ServerProcess start(
            String name,
            List<String> command,
            Map<String, String> env,
            Path work,
            int port,
            String contextPath,
            String controlPath) {
        mkdirs(work);
        Path log = work.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(command));
        builder.environment().putAll(env);
        builder.redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + name, e);
        }
        ServerProcess server = new ServerProcess(name, process, port, contextPath, controlPath);
        Processes.started(server);
        server.awaitReady(log);
        return server;
    }

    private void awaitReady(Path log) {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (pid < 0) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                stop();
                throw new IllegalStateException(name + " did not start; see " + log);
            }
            Pause.millis(250);
            pid = control.pidOrNegative();
        }
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void mkdirs(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void copyResource(String name, Path to) {
        try (InputStream in = ServerProcess.class.getResourceAsStream(name)) {
            Files.copy(in, to, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
