package dev.granary.ui.testing;

import com.codeborne.selenide.Configuration;
import com.codeborne.selenide.WebDriverRunner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Headless Debian Chromium for Selenide, with the flags this machine needs: no sandbox as root, no
 * background networking (the network is closed), and the system chromedriver so nothing is downloaded.
 */
public final class Browser {

    private Browser() {}

    public static void configure() {
        System.setProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
        Configuration.browser = "chrome";
        Configuration.headless = true;
        Configuration.browserSize = "1400x900";
        Configuration.timeout = 15_000;
        Configuration.pageLoadTimeout = 60_000;
        Configuration.reportsFolder = "target/selenide-reports";
        Configuration.downloadsFolder = "target/selenide-downloads";
        ChromeOptions options = new ChromeOptions();
        options.setBinary("/usr/bin/chromium");
        options.addArguments("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
            "--disable-quic", "--user-data-dir=" + freshProfile());
        Configuration.browserCapabilities = options;
    }

    private static Path freshProfile() {
        try {
            return Files.createTempDirectory("granary-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Saves what the browser shows to target/screenshots/NAME.png and returns the path. */
    public static Path screenshot(String name) {
        try {
            Path dir = Path.of(System.getProperty("granary.screenshots", "target/screenshots"));
            Files.createDirectories(dir);
            Path file = dir.resolve(name + ".png");
            Path shot = ((TakesScreenshot) WebDriverRunner.getWebDriver()).getScreenshotAs(OutputType.FILE).toPath();
            Files.copy(shot, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
