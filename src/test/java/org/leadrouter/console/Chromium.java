package org.leadrouter.console;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's chromium driven through Debian's chromedriver. Both paths are given to Selenium, so it
 * never looks for (or downloads) a browser or driver of its own.
 */
final class Chromium {

    private static final Path BROWSER = Path.of(System.getenv().getOrDefault("CHROMIUM_BIN", "/usr/bin/chromium"));
    private static final Path DRIVER = Path.of(System.getenv().getOrDefault("CHROMEDRIVER_BIN", "/usr/bin/chromedriver"));

    private Chromium() {
    }

    /**
     * True when the browser and driver are installed, and always in CI (CI=true), so that a CI
     * machine without them fails instead of skipping the browser test unseen.
     */
    static boolean testsShouldRun() {
        return "true".equalsIgnoreCase(System.getenv("CI")) || (Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER));
    }

    /** A headless browser with a window large enough for a whole console view, saving downloads in a folder. */
    static ChromeDriver start(Path downloads) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toAbsolutePath().toString(),
                "download.prompt_for_download", false));
        // --no-sandbox: chromium refuses to start its sandbox as root, which CI containers are.
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1400,1900");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).build();
        return new ChromeDriver(service, options);
    }
}
