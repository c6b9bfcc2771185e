package org.resumablesse.it;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * A headless Chromium of a test's own, with a fresh profile, driven through Debian's {@code
 * chromedriver}: both paths are set explicitly, so Selenium Manager never runs and nothing is
 * downloaded. Paths can be moved with {@code -Dit.chromium.binary} and {@code
 * -Dit.chromium.driver}. Not thread-safe; close it to end the browser and delete its profile.
 */
final class Chromium implements AutoCloseable {

    private static final Path BINARY =
            Path.of(System.getProperty("it.chromium.binary", "/usr/bin/chromium"));
    private static final Path DRIVER =
            Path.of(System.getProperty("it.chromium.driver", "/usr/bin/chromedriver"));

    private final ChromeDriver driver;
    private final Path profile;

    private Chromium(ChromeDriver driver, Path profile) {
        this.driver = driver;
        this.profile = profile;
    }

    /**
     * Skips the calling test when Chromium or its driver is missing, except in CI (the environment
     * variable {@code CI} is {@code true}), where the test fails instead.
     */
    static void requireInstalled() {
        if (Files.isExecutable(BINARY) && Files.isExecutable(DRIVER)) {
            return;
        }
        String missing =
                "needs "
                        + BINARY
                        + " and "
                        + DRIVER
                        + " (apt-get install chromium chromium-driver)";
        if ("true".equalsIgnoreCase(System.getenv("CI"))) {
            fail("CI must run the browser tests: " + missing);
        }
        Assumptions.abort(missing);
    }

    static Chromium start() {
        requireInstalled();
        Path profile;
        try {
            profile = Files.createTempDirectory("chromium-profile-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        options.addArguments(
                List.of(
                        "--headless",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-quic",
                        "--no-first-run",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--user-data-dir=" + profile));
        ChromeDriverService service =
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(DRIVER.toFile())
                        .usingAnyFreePort()
                        .build();
        return new Chromium(new ChromeDriver(service, options), profile);
    }

    ChromeDriver driver() {
        return driver;
    }

    /**
     * Opens a new tab of the same browser (same profile, cookies and origin) and switches to it.
     */
    String newTab() {
        driver.switchTo().newWindow(WindowType.TAB);
        return driver.getWindowHandle();
    }

    /** Runs the script in the current tab and returns its result. */
    Object script(String script) {
        return ((JavascriptExecutor) driver).executeScript(script);
    }

    /**
     * Runs the script in the current tab and returns what it passes to its callback, the last
     * argument, when {@code async} is true.
     */
    Object script(String script, boolean async) {
        return async ? ((JavascriptExecutor) driver).executeAsyncScript(script) : script(script);
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException ignored) {
                // left in target/, which mvn clean removes
            }
        }
    }
}
