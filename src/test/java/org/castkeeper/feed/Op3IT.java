package org.castkeeper.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OP3, a show setting off by default: the feed's enclosures go through OP3's prefix with the show's podcast:guid;
 * the site's player keeps the plain URL; the Stats page links the show's page at OP3.
 */
class Op3IT {
    @TempDir
    Path dir;

    @Test
    void offByDefault() throws Exception {
        try (TestServer server = TestServer.start(dir, "")) {
            Episode e = server.publish("untagged.mp3", "Plain", TestServer.START.minus(Duration.ofDays(1)));
            String feed = new String(server.get("/feed.xml").body());
            assertThat(feed)
                    .doesNotContain("op3.dev")
                    .contains("url=\"" + server.app().urls().media(e.audio().path()));
        }
    }

    @Test
    void onTheFeedsEnclosuresGoThroughOp3AndNothingElseDoes() throws Exception {
        try (TestServer server = TestServer.start(dir, "  op3: true\n")) {
            Episode e = server.publish("untagged.mp3", "Counted twice", TestServer.START.minus(Duration.ofDays(1)));
            String guid = server.app().podcastGuid();
            String plain = server.app().urls().media(e.audio().path());
            String feed = new String(server.get("/feed.xml").body());
            // An http target keeps its scheme behind the prefix, as OP3 documents.
            assertThat(feed).contains("<enclosure url=\"https://op3.dev/e,pg=" + guid + "/" + plain + "\"");
            String page = new String(server.get("/episodes/" + e.slug()).body());
            assertThat(page).contains(e.audio().path()).doesNotContain("op3.dev");
            AdminClient admin = new AdminClient(server).signedIn();
            assertThat(admin.get("/admin/stats").body()).contains("https://op3.dev/show/" + guid);
        }
    }

    @Test
    void anHttpsTargetLosesItsSchemeBehindThePrefix() {
        assertThat(Op3.wrap(Op3.prefix("abc"), "https://example.com/media/a.mp3"))
                .isEqualTo("https://op3.dev/e,pg=abc/example.com/media/a.mp3");
        assertThat(Op3.wrap(Op3.prefix("abc"), "http://example.com/media/a.mp3"))
                .isEqualTo("https://op3.dev/e,pg=abc/http://example.com/media/a.mp3");
    }
}
