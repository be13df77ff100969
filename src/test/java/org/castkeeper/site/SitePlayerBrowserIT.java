package org.castkeeper.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A listener's browser: the episode plays from its media URL, and the subscribe links are there. */
class SitePlayerBrowserIT {
    @TempDir
    Path dir;

    TestServer server;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        // Real public URL = this test server, so the page's media URLs point at it.
        Path probe = dir.resolve("probe");
        server = TestServer.start(probe, "");
        int port = java.net.URI.create(server.url("/")).getPort();
        server.close();
        server = TestServer.startEditing(
                dir.resolve("show"),
                yaml -> yaml.replace("publicUrl: http://localhost:8080", "publicUrl: http://127.0.0.1:" + port)
                        .replace("port: 0", "port: " + port));
        browser = org.castkeeper.testing.Browser.start(dir);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void theEpisodePlaysFromItsMediaUrl() throws Exception {
        Episode e = server.publish("vbr-xing.mp3", "Sleep & stress", TestServer.START.minus(Duration.ofHours(1)));
        browser.get(server.url("/episodes/" + e.slug()));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript("const a = document.getElementById('player'); a.muted = true; a.play();");
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(d -> ((Number) js.executeScript("return document.getElementById('player').currentTime;"))
                                .doubleValue()
                        > 0.3);
        assertThat(js.executeScript("return document.getElementById('player').error"))
                .isNull();
        assertThat(js.executeScript("return document.getElementById('player').currentSrc"))
                .isEqualTo(server.url("/media/" + e.audio().path()));
        assertThat(((Number) js.executeScript("return Math.round(document.getElementById('player').duration)"))
                        .intValue())
                .isEqualTo(3);
        Files.createDirectories(Path.of("target/screenshots"));
        Files.write(
                Path.of("target/screenshots/10-episode-page.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));

        assertThat(browser.findElements(By.cssSelector("#listen-apple"))).isEmpty();
        server.app()
                .listings()
                .save(
                        org.castkeeper.distribution.Directory.APPLE,
                        "https://podcasts.apple.com/gb/podcast/weekly-insight/id1234567890");
        browser.get(server.url("/"));
        assertThat(browser.findElement(By.id("listen-apple")).getText()).isEqualTo("Listen on Apple Podcasts");
        assertThat(browser.findElement(By.id("listen-rss")).getAttribute("href"))
                .endsWith("/feed.xml");
        Files.write(
                Path.of("target/screenshots/11-show-page.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    /** Chapters seek the player on the episode page, and in the player another site embeds in an iframe. */
    @Test
    void chaptersSeekThePlayerOnThePageAndInThePlayerAnotherSiteEmbeds() throws Exception {
        Episode e = server.publish("chapters.mp3", "With chapters", TestServer.START.minus(Duration.ofHours(1)));
        JavascriptExecutor js = (JavascriptExecutor) browser;
        WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        browser.get(server.url("/episodes/" + e.slug()));
        js.executeScript("document.getElementById('player').muted = true;");
        browser.findElements(org.openqa.selenium.By.cssSelector("button.seek"))
                .get(2)
                .click();
        wait.until(
                d -> ((Number) js.executeScript("return document.getElementById('player').currentTime;")).doubleValue()
                        >= 2.0);

        try (org.castkeeper.testing.FixtureHost blog = new org.castkeeper.testing.FixtureHost()) {
            blog.file(
                    "/post.html",
                    ("<!doctype html><html lang=\"en\"><title>A blog post</title><h1>This week</h1>"
                                    + "<iframe id=\"player-frame\" src=\"" + server.url("/embed/episodes/" + e.slug())
                                    + "\" title=\"With chapters\" width=\"600\" height=\"200\"></iframe>")
                            .getBytes(java.nio.charset.StandardCharsets.UTF_8),
                    "text/html; charset=utf-8");
            browser.get(blog.url("/post.html"));
            wait.until(
                    org.openqa.selenium.support.ui.ExpectedConditions.frameToBeAvailableAndSwitchToIt("player-frame"));
            assertThat(wait.until(d -> d.findElement(org.openqa.selenium.By.tagName("h1")))
                            .getText())
                    .isEqualTo("With chapters");
            js.executeScript("document.getElementById('player').muted = true;");
            browser.findElement(org.openqa.selenium.By.cssSelector(".embed-chapters summary"))
                    .click();
            browser.findElements(org.openqa.selenium.By.cssSelector("button.seek"))
                    .get(1)
                    .click();
            wait.until(d ->
                    ((Number) js.executeScript("return document.getElementById('player').currentTime;")).doubleValue()
                            >= 1.0);
            browser.switchTo().defaultContent();
            Files.write(
                    Path.of("target/screenshots/12-embedded-player.png"),
                    ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
        }
    }
}
