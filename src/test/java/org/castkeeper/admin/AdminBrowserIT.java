package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The host's weekly routine in a real browser: Debian's headless Chromium, driven through Debian's chromedriver
 * (.ci/run installs both; nothing is downloaded). Screenshots go to target/screenshots, outside the repository.
 */
class AdminBrowserIT {
    static final Path SCREENSHOTS = Path.of("target/screenshots");

    @TempDir
    Path dir;

    TestServer server;
    WebDriver browser;
    WebDriverWait wait;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
        server.app().accounts().create("dominion", "correct horse battery");
        browser = org.castkeeper.testing.Browser.start(dir);
        wait = new WebDriverWait(browser, Duration.ofSeconds(20));
        Files.createDirectories(SCREENSHOTS);
    }

    @AfterEach
    void stop() {
        if (browser != null) {
            browser.quit();
        }
        server.close();
    }

    private void screenshot(String name) throws Exception {
        Files.write(SCREENSHOTS.resolve(name + ".png"), ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }

    private void signIn(String password) {
        browser.findElement(By.id("username")).clear();
        browser.findElement(By.id("username")).sendKeys("dominion");
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("sign-in")).click();
    }

    @Test
    void signInUploadEditPublishAndFindItInTheFeed() throws Exception {
        browser.get(server.url("/admin"));
        wait.until(ExpectedConditions.urlContains("/admin/login"));

        signIn("not my password");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("error")));
        assertThat(browser.findElement(By.id("error")).getText())
                .isEqualTo("That name and password do not match an account.");
        screenshot("01-wrong-password");

        signIn("correct horse battery");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));
        screenshot("02-episodes");

        browser.findElement(By.id("file"))
                .sendKeys(Fixtures.mp3("cbr-id3v23.mp3").toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBe(By.cssSelector("#upload-queue .percent"), "100%"));
        assertThat(browser.findElement(By.cssSelector("#upload-queue progress")).getDomProperty("value"))
                .isEqualTo("100");
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#upload-queue .message"), "Uploaded"));
        screenshot("03-uploaded");

        wait.until(ExpectedConditions.urlMatches(".*/admin/episodes/\\d+$"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Morning routine");
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Morning routine, week 1");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
        assertThat(browser.findElement(By.tagName("h1")).getText()).isEqualTo("Morning routine, week 1");

        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "published"));
        screenshot("04-published");

        String feed = new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8);
        assertThat(feed).contains("<title>Morning routine, week 1</title>");

        // On a phone: the pages fit the screen, with no sideways scrolling.
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        String editor = browser.getCurrentUrl();
        for (String page : new String[] {
            server.url("/admin"), editor, server.url("/admin/settings"), server.url("/admin/stats?days=90")
        }) {
            browser.get(page);
            Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                    .executeScript(
                            "return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
            assertThat(((Number) overflow).intValue()).as(page).isLessThanOrEqualTo(0);
        }
        // The Stats chart is drawn to the phone's width, its numbers in a table beneath.
        assertThat(browser.findElement(By.id("chart")).getRect().getWidth()).isBetween(200, 390);
        assertThat(browser.findElements(By.cssSelector("#chart rect.bar-day"))).hasSize(90);
        screenshot("05-stats-phone");
        browser.get(server.url("/admin"));
        screenshot("05-phone");
    }

    /** The traps a host fell into before: none of them loses what was typed, and dangerous steps ask first. */
    @Test
    void aSaveTheServerCannotTakeKeepsEverythingTypedOnThePage() throws Exception {
        var episode = server.publish("chapters.mp3", "Morning routine", null);
        browser.get(server.url("/admin/login"));
        signIn("correct horse battery");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));
        browser.get(server.url("/admin/episodes/" + episode.id()));

        // The catalogue's file goes away: the save is refused in words above the form, and the typing stays.
        Path db = server.dir().resolve("data/castkeeper.db");
        Path away = server.dir().resolve("away.db");
        Files.move(db, away);
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Typed while the disk was away");
        browser.findElement(By.id("notes")).sendKeys("\nA paragraph I do not want to type twice.");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".form-problem"), "Nothing can be saved"));
        assertThat(browser.findElement(By.id("title")).getDomProperty("value"))
                .isEqualTo("Typed while the disk was away");
        assertThat(browser.findElement(By.id("notes")).getDomProperty("value")).contains("do not want to type twice");
        screenshot("30-save-refused-typing-kept");

        // Back in place: the same button saves it.
        Files.move(away, db);
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
        assertThat(server.app().episodes().findById(episode.id()).orElseThrow().title())
                .isEqualTo("Typed while the disk was away");

        // Signed out meanwhile (the session ended): a sign-in box above the form, and once signed in the save is
        // done, once, with everything typed.
        browser.manage().deleteCookieNamed("ck_session");
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Typed after the session ended");
        browser.findElement(By.id("save")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("sign-in-again")));
        assertInView("sign-in-again");
        assertThat(browser.findElement(By.id("title")).getDomProperty("value"))
                .isEqualTo("Typed after the session ended");
        browser.findElement(By.id("again-username")).sendKeys("dominion");
        browser.findElement(By.id("again-password")).sendKeys("not it");
        browser.findElement(By.id("sign-in-again-button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.id("sign-in-again-error"), "do not match an account"));
        browser.findElement(By.id("again-password")).clear();
        browser.findElement(By.id("again-password")).sendKeys("correct horse battery");
        screenshot("31-sign-in-again");
        var before = browser.findElement(By.tagName("h1"));
        browser.findElement(By.id("sign-in-again-button")).click();
        wait.until(ExpectedConditions.stalenessOf(before));
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
        assertThat(server.app().episodes().findById(episode.id()).orElseThrow().title())
                .isEqualTo("Typed after the session ended");
    }

    /** The element is on the screen: its box inside the viewport, as the host would see it. */
    private void assertInView(String id) {
        Object inView = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript(
                        "var r = document.getElementById(arguments[0]).getBoundingClientRect();"
                                + " return r.top >= 0 && r.top < window.innerHeight && r.bottom > 0;",
                        id);
        assertThat(inView).as(id + " in view").isEqualTo(true);
    }

    @Test
    void theEditorNeverLosesTypedWorkAndAsksBeforeDangerousSteps() throws Exception {
        var episode = server.publish("chapters.mp3", "Morning routine", null);
        browser.get(server.url("/admin/login"));
        signIn("correct horse battery");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));
        String editor = server.url("/admin/episodes/" + episode.id());

        // Leaving with typed but unsaved changes asks first. (Headless Chromium shows no leave-page dialog to
        // WebDriver, so the page's beforeunload answer is read directly: cancelled means "ask".)
        browser.get(editor);
        String leaving = "var e = new Event('beforeunload', {cancelable: true}); window.dispatchEvent(e);"
                + " return e.defaultPrevented;";
        var js = (org.openqa.selenium.JavascriptExecutor) browser;
        assertThat(js.executeScript(leaving)).as("nothing typed yet").isEqualTo(false);
        browser.findElement(By.id("title")).sendKeys(" (draft)");
        assertThat(js.executeScript(leaving)).as("typed, not saved").isEqualTo(true);

        // A bad chapter line: the typed title stays in the form, the field is marked, nothing is saved.
        js.executeScript("window.onbeforeunload = null;");
        browser.get(editor);
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Morning routine, week 1");
        browser.findElement(By.id("chapters")).sendKeys("\nhalf past one The research");
        browser.findElement(By.id("season")).sendKeys("two");
        browser.findElement(By.id("save")).click();
        // Both problems at once, each by its field in our words (not the browser's), listed at the top in view.
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("problems")));
        assertInView("problems");
        assertThat(browser.findElement(By.id("problems")).getText())
                .contains("2 things need fixing")
                .contains("Chapters: Chapter line 5")
                .contains("Season: Season must be a whole number");
        assertThat(browser.findElement(By.id("season-problem")).getText()).contains("whole number from 1");
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Morning routine, week 1");
        assertThat(browser.findElement(By.id("chapters")).getDomAttribute("aria-invalid"))
                .isEqualTo("true");
        browser.findElement(By.id("season")).clear();
        screenshot("10-invalid-chapter-keeps-title");

        // Fix the line and press Publish without saving first: the new title is what goes out.
        browser.findElement(By.id("chapters")).clear();
        browser.findElement(By.id("chapters")).sendKeys("0:00 Welcome");
        browser.findElement(By.id("publish")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "published"));
        assertThat(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8))
                .contains("<title>Morning routine, week 1</title>");

        // Scheduling a live episode asks first, and says it leaves the feed until then, where the eye is.
        browser.findElement(By.id("schedule")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm")));
        assertThat(browser.findElement(By.id("confirm")).getText()).contains("takes it out of the feed until");
        assertInView("confirm");
        screenshot("11-schedule-asks");
        browser.findElement(By.linkText("Cancel")).click();
        wait.until(ExpectedConditions.textToBe(By.id("state"), "published"));

        // Delete asks, in view and focused on a desktop and on a phone, then the episode is gone for good.
        browser.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
        assertThat(browser.findElement(By.id("confirm")).getText()).contains("There is no undo");
        assertInView("confirm");
        assertThat(js.executeScript("return document.activeElement.id;")).isEqualTo("confirm");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.navigate().back();
        browser.findElement(By.id("delete")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("confirm-delete")));
        assertInView("confirm");
        screenshot("12-delete-asks-phone");
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.findElement(By.id("confirm-delete")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Deleted"));
        assertThat(server.get("/episodes/morning-routine").statusCode()).isEqualTo(410);
        assertThat(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8))
                .doesNotContain(episode.guid());
    }

    /**
     * Files sent from a page (artwork, a transcript, new audio) refresh their own part of it only: the fields
     * typed but not saved elsewhere on the page stay, and no "leave the page?" question comes.
     */
    @Test
    void filesSentFromAPageKeepWhatIsTypedElsewhereOnIt() throws Exception {
        var episode = server.publish("chapters.mp3", "Morning routine", null);
        Path art = dir.resolve("art.jpg");
        java.awt.image.BufferedImage image =
                new java.awt.image.BufferedImage(1400, 1400, java.awt.image.BufferedImage.TYPE_INT_RGB);
        javax.imageio.ImageIO.write(image, "jpg", art.toFile());
        Path small = dir.resolve("small.jpg");
        javax.imageio.ImageIO.write(
                new java.awt.image.BufferedImage(300, 300, java.awt.image.BufferedImage.TYPE_INT_RGB),
                "jpg",
                small.toFile());
        browser.get(server.url("/admin/login"));
        signIn("correct horse battery");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));
        browser.get(server.url("/admin/episodes/" + episode.id()));
        String editor = browser.getCurrentUrl();
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Typed, not saved yet");

        browser.findElement(By.id("artwork")).sendKeys(small.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#files-section form[action$='/artwork'] button"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#files-section .error")));
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Typed, not saved yet");

        browser.findElement(By.id("artwork")).sendKeys(art.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#files-section form[action$='/artwork'] button"))
                .click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#files-section .notice")));
        assertThat(server.app().episodes().findById(episode.id()).orElseThrow().artworkPath())
                .isNotNull();
        assertThat(browser.findElements(By.cssSelector("#files-section img[alt=\"The episode's artwork\"]")))
                .isNotEmpty();
        assertThat(browser.getCurrentUrl()).isEqualTo(editor);
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Typed, not saved yet");

        browser.findElement(By.id("replace-audio"))
                .sendKeys(Fixtures.mp3("untagged.mp3").toAbsolutePath().toString());
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("#files-section"), "replaced"));
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("Typed, not saved yet");
        screenshot("32-files-keep-typing");

        // The show artwork in the settings, likewise.
        browser.get(server.url("/admin/settings"));
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("A new title, not saved yet");
        browser.findElement(By.id("artwork")).sendKeys(art.toAbsolutePath().toString());
        browser.findElement(By.cssSelector("#artwork-section form button")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector("#artwork-section .notice"), "Artwork saved"));
        assertThat(browser.findElement(By.id("title")).getDomProperty("value")).isEqualTo("A new title, not saved yet");
    }

    /** A show setting changed in the browser is in the feed on the next request, without a restart. */
    @Test
    void aShowSettingChangedInTheBrowserIsInTheFeedAtOnce() throws Exception {
        browser.get(server.url("/admin/login"));
        signIn("correct horse battery");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));
        browser.get(server.url("/admin/settings"));
        browser.findElement(By.id("title")).clear();
        browser.findElement(By.id("title")).sendKeys("Weekly insight, season two");
        new org.openqa.selenium.support.ui.Select(browser.findElement(By.id("category2")))
                .selectByVisibleText("Religion & Spirituality › Christianity");
        browser.findElement(By.id("save-settings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "Saved"));
        screenshot("12-settings-saved");
        // A checkbox sits beside its label, not centred above it at full width.
        var box = browser.findElement(By.id("op3")).getRect();
        var label = browser.findElement(By.cssSelector("label[for='op3']")).getRect();
        assertThat(box.getWidth()).isLessThan(40);
        assertThat(box.getX()).isLessThan(label.getX());
        assertThat(Math.abs((box.getY() + box.getHeight() / 2) - (label.getY() + label.getHeight() / 2)))
                .isLessThan(label.getHeight());
        // The artwork preview loads from this server, whatever the public address says.
        wait.until(d -> ((Number) ((org.openqa.selenium.JavascriptExecutor) d)
                                .executeScript("return document.querySelector('img.artwork-preview').naturalWidth;"))
                        .intValue()
                > 0);
        assertThat(browser.findElement(By.id("changes")).getText()).contains("Weekly insight, season two");
        assertThat(new String(server.get("/feed.xml").body(), StandardCharsets.UTF_8))
                .contains("<title>Weekly insight, season two</title>")
                .contains("text=\"Christianity\"");

        // The distribution page links each fix to its field; on a phone the fix is not cut off.
        browser.get(server.url("/admin/distribution"));
        browser.findElement(By.cssSelector("a.fix-link[href='/admin/settings#ownerEmail']"))
                .click();
        wait.until(ExpectedConditions.urlContains("/admin/settings#ownerEmail"));
        browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
        browser.get(server.url("/admin/distribution"));
        Object overflow = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return document.documentElement.scrollWidth - document.documentElement.clientWidth;");
        assertThat(((Number) overflow).intValue()).isLessThanOrEqualTo(0);
        screenshot("13-distribution-phone");
    }

    /** Several files at once: a row each; a cancelled upload leaves nothing; warnings wait on the episode's page. */
    @Test
    void severalUploadsQueueEachCanBeCancelledAndWarningsStayUntilDismissed() throws Exception {
        browser.get(server.url("/admin/login"));
        signIn("correct horse battery");
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Episodes"));

        // Two files chosen together: both are uploaded, one after the other, each with its own row.
        browser.findElement(By.id("file"))
                .sendKeys(Fixtures.mp3("untagged.mp3").toAbsolutePath() + "\n"
                        + Fixtures.mp3("truncated.mp3").toAbsolutePath());
        wait.until(ExpectedConditions.numberOfElementsToBe(By.cssSelector("#upload-queue li.done"), 2));
        // The list below counts and shows them without a reload.
        wait.until(ExpectedConditions.textToBe(By.id("episode-count"), "2 episodes"));
        screenshot("20-two-uploads");
        var truncated =
                server.app().episodes().page("truncated", 0, 10).episodes().get(0);
        assertThat(server.app().episodes().page("", 0, 10).total()).isEqualTo(2);

        // The truncated file's warnings are on its page until the host dismisses them.
        browser.get(server.url("/admin/episodes/" + truncated.id()));
        assertThat(browser.findElement(By.id("audio-warnings")).getText()).contains("looks truncated");
        browser.navigate().refresh();
        assertThat(browser.findElements(By.id("audio-warnings"))).hasSize(1);
        browser.findElement(By.id("dismiss-warnings")).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".notice"), "dismissed"));
        assertThat(browser.findElements(By.id("audio-warnings"))).isEmpty();

        // A slow upload, cancelled half way: nothing is catalogued and nothing is left on the server's disk.
        browser.get(server.url("/admin"));
        Path big = dir.resolve("big-episode.mp3");
        byte[] frames = Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3"));
        try (var out = Files.newOutputStream(big)) {
            for (int i = 0; i < 400; i++) {
                out.write(frames);
            }
        }
        ((org.openqa.selenium.chromium.HasNetworkConditions) browser)
                .setNetworkConditions(new org.openqa.selenium.chromium.ChromiumNetworkConditions() {
                    {
                        setUploadThroughput(64 * 1024);
                        setDownloadThroughput(1024 * 1024);
                        setLatency(Duration.ofMillis(5));
                    }
                });
        browser.findElement(By.id("file")).sendKeys(big.toAbsolutePath().toString());
        wait.until(d -> {
            Object value =
                    d.findElement(By.cssSelector("#upload-queue progress")).getDomProperty("value");
            return value != null && Double.parseDouble(value.toString()) > 0;
        });
        browser.findElement(By.cssSelector("#upload-queue .cancel")).click();
        assertThat(browser.findElement(By.cssSelector("#upload-queue .message")).getText())
                .isEqualTo("Cancelled. Nothing was saved.");
        ((org.openqa.selenium.chromium.HasNetworkConditions) browser).deleteNetworkConditions();
        Path incoming = server.app().config().mediaDir().resolve(".uploads");
        org.castkeeper.testing.Eventually.assertThatEventually(() -> {
            try (var left = Files.list(incoming)) {
                assertThat(left.toList()).isEmpty();
            }
        });
        assertThat(server.app().episodes().page("", 0, 10).total()).isEqualTo(2);
    }
}
