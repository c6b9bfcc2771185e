package org.resumablesse.redis;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Stream;
import org.resumablesse.core.Await;
import redis.clients.jedis.Jedis;

/**
 * A {@code redis-server} of a test's own, on a free port, without persistence or with an
 * append-only file synced at every write, stopped by its PID (never by name, and never the shared
 * 6379). It can be crashed and restarted on the same port, with or without its data. Not
 * thread-safe; one per test class.
 */
public final class RedisServer implements AutoCloseable {

    private static final String BINARY = "/usr/bin/redis-server";

    private final int port;
    // Where the append-only file is kept; null without persistence.
    private final Path dir;
    private Process process;

    private RedisServer(int port, Path dir) {
        this.port = port;
        this.dir = dir;
    }

    /** Starts a server without persistence and waits (with a deadline) until it accepts. */
    public static RedisServer start() {
        return start(null);
    }

    /**
     * Starts a server that keeps its data in an append-only file in this directory, synced at every
     * write ({@code appendfsync always}), and waits until it accepts connections.
     */
    public static RedisServer startAppendOnly(Path dir) {
        return start(dir);
    }

    private static RedisServer start(Path dir) {
        if (!new File(BINARY).canExecute()) {
            throw new IllegalStateException(
                    BINARY + " is missing: the Redis tests need it (apt-get install redis-server)");
        }
        RedisServer server = new RedisServer(freePort(), dir);
        server.launch();
        return server;
    }

    private List<String> command() {
        List<String> command =
                new ArrayList<>(
                        List.of(
                                BINARY,
                                "--port",
                                Integer.toString(port),
                                "--bind",
                                "127.0.0.1",
                                "--save",
                                "",
                                "--daemonize",
                                "no"));
        if (dir == null) {
            command.addAll(List.of("--appendonly", "no"));
        } else {
            command.addAll(
                    List.of(
                            "--appendonly",
                            "yes",
                            "--appendfsync",
                            "always",
                            "--dir",
                            dir.toAbsolutePath().toString()));
        }
        return command;
    }

    private void launch() {
        try {
            process =
                    new ProcessBuilder(command())
                            .redirectErrorStream(true)
                            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                            .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        long deadline = System.nanoTime() + Await.scaled(Duration.ofSeconds(10)).toNanos();
        while (!accepts()) {
            if (System.nanoTime() - deadline > 0 || !process.isAlive()) {
                close();
                throw new IllegalStateException("redis-server did not start on port " + port);
            }
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(20));
        }
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    /** Freezes the server (SIGSTOP to its PID): it accepts nothing and answers nothing. */
    public void pause() {
        signal("-STOP");
    }

    /** Lets a {@linkplain #pause paused} server run on, with its data. */
    public void resume() {
        signal("-CONT");
    }

    private void signal(String signal) {
        try {
            Process kill =
                    new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                            .inheritIO()
                            .start();
            if (!kill.waitFor(10, TimeUnit.SECONDS) || kill.exitValue() != 0) {
                throw new IllegalStateException("kill " + signal + " failed");
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * Kills the server (SIGKILL to its PID, as a crash would) and starts it again on the same port,
     * where it reads back its append-only file if it has one.
     */
    public void restart() {
        kill();
        launch();
    }

    /**
     * Kills the server (SIGKILL to its PID) and starts it again on the same port with no data, as a
     * restart without persistence would: its append-only files, if any, are deleted first.
     */
    public void restartEmpty() {
        kill();
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder())
                        .filter(file -> !file.equals(dir))
                        .forEach(RedisServer::delete);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        launch();
    }

    private void kill() {
        process.destroyForcibly();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("redis-server did not die of SIGKILL in 10 s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void delete(Path file) {
        try {
            Files.delete(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Empties every database, as a flush or a restart without persistence would. */
    public void flushAll() {
        try (Jedis jedis = new Jedis("127.0.0.1", port)) {
            jedis.flushAll();
        }
    }

    /** Stops the server by its PID and waits for it to go. */
    @Override
    public void close() {
        if (process == null) {
            return;
        }
        if (process.isAlive()) {
            resume();
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private boolean accepts() {
        try (Socket socket = new Socket("127.0.0.1", port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
