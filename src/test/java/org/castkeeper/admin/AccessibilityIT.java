package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.Browser;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Every page, admin and public, at a desktop's width and a phone's, checked by axe-core (Deque's accessibility
 * engine, run in the page itself): no critical and no serious issue anywhere.
 */
class AccessibilityIT {
    @TempDir
    Path dir;

    TestServer server;
    WebDriver browser;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        server.app().accounts().create("dominion", "correct horse battery");
        browser = Browser.start(dir);
        browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    @Test
    void noPageHasASeriousOrCriticalIssueOnADesktopOrAPhone() throws Exception {
        Episode live = server.publish("chapters.mp3", "Sleep and stress", TestServer.START.minus(Duration.ofDays(1)));
        Episode gone = server.publish("untagged.mp3", "Gone for good", TestServer.START.minus(Duration.ofDays(2)));
        server.app().lifecycle().delete(gone.id(), "dominion");
        server.app().publications().current();

        List<String> publicPages = List.of(
                "/",
                "/episodes/" + live.slug(),
                "/embed/episodes/" + live.slug(),
                "/privacy",
                "/episodes/" + gone.slug(),
                "/episodes/nothing-here");
        List<String> adminPages = List.of(
                "/admin",
                "/admin/episodes/" + live.id(),
                "/admin/settings",
                "/admin/distribution",
                "/admin/stats",
                "/admin/import",
                "/admin/account");
        List<String> problems = new ArrayList<>();
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (String page : publicPages) {
                problems.addAll(check(page, size));
            }
        }
        browser.get(server.url("/admin/login"));
        problems.addAll(axe("/admin/login", "any width"));
        browser.findElement(By.id("username")).sendKeys("dominion");
        browser.findElement(By.id("password")).sendKeys("correct horse battery");
        browser.findElement(By.id("sign-in")).click();
        new WebDriverWait(browser, Duration.ofSeconds(20))
                .until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));
        for (Dimension size : List.of(new Dimension(1280, 900), new Dimension(390, 844))) {
            browser.manage().window().setSize(size);
            for (String page : adminPages) {
                problems.addAll(check(page, size));
            }
        }
        assertThat(problems).isEmpty();
    }

    private List<String> check(String page, Dimension size) throws Exception {
        browser.get(server.url(page));
        return axe(page, size.getWidth() + " px");
    }

    /** The page's critical and serious violations, as "page width: rule (where)". */
    private List<String> axe(String page, String width) throws Exception {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(axeScript());
        Object result = js.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] })
                  .then(r => done(r.violations
                    .filter(v => v.impact === 'critical' || v.impact === 'serious')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                      + v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                  .catch(e => done(['axe failed: ' + e]));
                """);
        List<String> found = new ArrayList<>();
        for (Object violation : (List<?>) result) {
            found.add(page + " (" + width + "): " + violation);
        }
        return found;
    }

    private static String axeScript;

    private static synchronized String axeScript() throws Exception {
        if (axeScript == null) {
            try (InputStream in = AccessibilityIT.class.getResourceAsStream("/axe.min.js")) {
                assertThat(in)
                        .as("axe.min.js from com.deque.html.axe-core:selenium")
                        .isNotNull();
                axeScript = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axeScript;
    }
}
