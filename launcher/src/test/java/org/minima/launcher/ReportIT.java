package org.minima.launcher;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.logging.Level;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

/**
 * report.html in a real browser: Debian's headless Chromium, driven through Debian's chromedriver by Selenium. The
 * page of a finished run loads without console errors, every figure renders, a table sorts on click, and a
 * screenshot goes to {@code target/report-screenshot.png}; the page of a failed run names what failed. Skipped
 * where Chromium is not installed (it says how), except in CI, which installs it.
 */
class ReportIT {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    @TempDir
    Path dir;
    private ChromeDriver browser;

    @BeforeEach
    void openBrowser() {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        String why = "Chromium is not installed: sudo apt-get install chromium chromium-driver";
        if ("true".equals(System.getenv("CI"))) {
            assertTrue(installed, why + " (.ci/run does)");
        }
        Assumptions.assumeTrue(installed, why);
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeOptions options = new ChromeOptions().setBinary(CHROMIUM.toFile()).addArguments("--headless=new",
                "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                "--disable-component-update", "--disable-sync", "--allow-file-access-from-files",
                "--window-size=1280,2000", "--user-data-dir=" + dir.resolve("chromium-profile"));
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        browser = new ChromeDriver(options);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theReportOfARunLoadsCleanlyShowsEveryFigureAndSortsItsTables() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        minima.profile("tiny", ShardIT.PROFILE);
        MinimaHome.Result run = minima.run("run", "tiny");
        assertEquals(0, run.exitCode(), run.output());
        Path report = minima.onlyRunFolder("tiny").resolve("report.html");
        browser.get(report.toUri().toString());

        assertEquals("succeeded", browser.findElement(By.id("status")).getText());
        List<String> errors = new ArrayList<>();
        for (LogEntry entry : browser.manage().logs().get(LogType.BROWSER)) {
            if (entry.getLevel().intValue() >= Level.WARNING.intValue()) {
                errors.add(entry.getMessage());
            }
        }
        assertEquals(List.of(), errors, "the console stays clean");
        List<WebElement> figures = browser.findElements(By.cssSelector(".figures img"));
        assertEquals(2, figures.size(), "figure1.svg and figure2.svg");
        for (WebElement figure : figures) {
            Object width = ((JavascriptExecutor) browser).executeScript(
                    "return arguments[0].complete ? arguments[0].naturalWidth : 0;", figure);
            assertTrue(((Number) width).intValue() > 0, figure.getAttribute("src") + " renders");
            assertTrue(figure.getSize().getWidth() > 0 && figure.getSize().getHeight() > 0);
        }
        assertEquals(8, browser.findElements(By.cssSelector(".curve svg polyline")).size(), "one curve per model");

        WebElement header = browser.findElement(By.xpath("//table[@id='t-training']//th[text()='final_loss']"));
        header.click();
        List<Double> ascending = column("t-training", "final_loss");
        assertEquals(ascending.stream().sorted().toList(), ascending, "sorted ascending on the first click");
        assertEquals("ascending", header.getAttribute("aria-sort"));
        header.click();
        List<Double> descending = new ArrayList<>(column("t-training", "final_loss"));
        Collections.reverse(descending);
        assertEquals(ascending, descending, "descending on the second");

        WebElement filter = browser.findElement(By.cssSelector("input[data-table='t-training']"));
        filter.sendKeys("n2-m2");
        long shown = browser.findElements(By.cssSelector("#t-training tbody tr")).stream()
                .filter(WebElement::isDisplayed).count();
        assertEquals(2, shown, "the two seeds of (2, 2)");

        Path screenshot = ((TakesScreenshot) browser).getScreenshotAs(OutputType.FILE).toPath();
        Files.copy(screenshot, Path.of("target", "report-screenshot.png"), StandardCopyOption.REPLACE_EXISTING);
    }

    @Test
    void theReportOfAFailedRunNamesWhatFailed() throws Exception {
        MinimaHome minima = new MinimaHome(dir);
        TestBundles.scriptedProbe(minima.home().resolve("deploy").resolve("throwing.jar"), "throwing", "throw",
                "1.0.0", TestBundles.PROBE_IMPORTS);
        minima.profile("failing", MinimaHome.TINY_TRAINING + "train.batches = 20\ntrain.seeds = 1\n"
                + "probes = throwing\n");
        MinimaHome.Result run = minima.run("run", "failing");
        assertEquals(1, run.exitCode(), run.output());
        browser.get(minima.onlyRunFolder("failing").resolve("report.html").toUri().toString());
        assertEquals("failed", browser.findElement(By.id("status")).getText());
        String failure = browser.findElement(By.id("failure")).getText();
        assertTrue(failure.contains("scripted failure of throwing") && failure.contains("2 trained models"),
                failure);
    }

    private List<Double> column(String table, String name) {
        List<WebElement> headers = browser.findElements(By.cssSelector("#" + table + " thead th"));
        int index = 0;
        while (!headers.get(index).getText().equals(name)) {
            index++;
        }
        List<Double> values = new ArrayList<>();
        for (WebElement row : browser.findElements(By.cssSelector("#" + table + " tbody tr"))) {
            values.add(Double.parseDouble(row.findElements(By.tagName("td")).get(index).getText()));
        }
        return values;
    }
}
