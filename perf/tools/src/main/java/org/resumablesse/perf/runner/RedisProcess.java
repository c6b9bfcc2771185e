package org.resumablesse.perf.runner;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A {@code redis-server} the runner started for scenario 7: on a free port of 127.0.0.1, without
 * persistence ({@code redis.conf} in the work directory), logging to {@code redis.log} in the work
 * directory; stopped by its pid (SIGTERM, then SIGKILL after 10 s), never by name, so a shared
 * Redis on 6379 is never touched. Not thread-safe.
 */
final class RedisProcess implements AutoCloseable {

    private final Process process;
    private final int port;

    private RedisProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts {@code binary} (such as {@code /usr/bin/redis-server}) and waits until it accepts. */
    static RedisProcess start(String binary, Path work) {
        int port = freePort();
        try {
            Files.createDirectories(work);
            Path config = work.resolve("redis.conf");
            Files.writeString(
                    config, "port " + port + "\nbind 127.0.0.1\nsave \"\"\nappendonly no\n");
            Process process =
                    new ProcessBuilder(binary, config.toString())
                            .redirectErrorStream(true)
                            .redirectOutput(
                                    ProcessBuilder.Redirect.appendTo(
                                            work.resolve("redis.log").toFile()))
                            .start();
            RedisProcess redis = new RedisProcess(process, port);
            Processes.started(redis);
            redis.awaitAccepting();
            return redis;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start " + binary, e);
        }
    }

    String url() {
        return "redis://127.0.0.1:" + port;
    }

    long pid() {
        return process.pid();
    }

    private void awaitAccepting() {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (true) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException e) {
                if (!process.isAlive() || System.nanoTime() > deadline) {
                    close();
                    throw new IllegalStateException("redis-server did not start on " + port, e);
                }
                Pause.millis(50);
            }
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
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
