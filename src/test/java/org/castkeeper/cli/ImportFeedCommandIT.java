package org.castkeeper.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.castkeeper.testing.FixtureHost;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** `castkeeper import-feed` as a host types it: what it prints, and its exit code. */
class ImportFeedCommandIT {
    @TempDir
    Path dir;

    @Test
    void importsReportsWhatItSkippedAndExitsWithOneUntilEverythingIsIn() throws Exception {
        Path config = TestShow.create(dir);
        try (FixtureHost host = new FixtureHost()) {
            host.file("/a.mp3", Files.readAllBytes(Fixtures.mp3("untagged.mp3")), "audio/mpeg")
                    .status("/b.mp3", 404)
                    .file(
                            "/feed.xml",
                            ("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>Old show</title>"
                                            + item("old-1", "First", host.url("/a.mp3"))
                                            + item("old-2", "Second", host.url("/b.mp3"))
                                            + "</channel></rss>")
                                    .getBytes(StandardCharsets.UTF_8),
                            "application/rss+xml");

            Run dry = run("import-feed", "--dry-run", "--config", config.toString(), host.url("/feed.xml"));
            assertThat(dry.code()).isZero();
            assertThat(dry.out()).contains("Dry run: 2 would be imported").contains("Nothing was changed.");

            Run first = run("import-feed", "--config", config.toString(), host.url("/feed.xml"));
            assertThat(first.code()).isEqualTo(Main.FAILED);
            assertThat(first.out())
                    .contains("Read \"Old show\": 2 items on 1 page(s)")
                    .contains("[1/2] imported: \"First\"")
                    .contains("1 imported (0 MB downloaded), 0 already here, 1 skipped")
                    .contains("skipped: \"Second\" (guid old-2) " + host.url("/b.mp3")
                            + ": the audio could not be downloaded: the server answered 404 Not Found")
                    .contains("Run the same command again");

            // The first import took the old show's title; `show --json` prints the stored settings.
            Run show = run("show", "--json", "--config", config.toString());
            assertThat(show.code()).isZero();
            assertThat(new com.fasterxml.jackson.databind.ObjectMapper()
                            .readTree(show.out())
                            .get("title")
                            .asText())
                    .isEqualTo("Old show");

            host.file("/b.mp3", Files.readAllBytes(Fixtures.mp3("cbr-id3v23.mp3")), "audio/mpeg");
            Run second = run("import-feed", "--config", config.toString(), host.url("/feed.xml"));
            assertThat(second.code()).isZero();
            assertThat(second.out()).contains("1 imported").contains("1 already here, 0 skipped");

            Run notAFeed = run("import-feed", "--config", config.toString(), host.url("/nothing.xml"));
            assertThat(notAFeed.code()).isEqualTo(Main.FAILED);
            assertThat(notAFeed.err()).contains("Nothing was imported: ").contains("answered 404");
        }
    }

    private static String item(String guid, String title, String url) {
        return "<item><title>" + title + "</title><guid>" + guid + "</guid>"
                + "<pubDate>Thu, 14 Mar 2024 09:30:15 GMT</pubDate>"
                + "<enclosure url=\"" + url + "\" length=\"1\" type=\"audio/mpeg\"/></item>";
    }

    private record Run(int code, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }
}
