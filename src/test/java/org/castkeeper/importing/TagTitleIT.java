package org.castkeeper.importing;

import static org.assertj.core.api.Assertions.assertThat;

import com.mpatric.mp3agic.ID3v24Tag;
import com.mpatric.mp3agic.Mp3File;
import java.nio.file.Path;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.TestServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Titles from ID3 tags follow the editor's rules: cleaned, and shortened with a warning rather than refused. */
class TagTitleIT {
    @TempDir
    Path dir;

    TestServer server;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(dir, "");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Path tagged(String title, String name) throws Exception {
        Mp3File mp3 = new Mp3File(Fixtures.mp3("untagged.mp3").toString());
        ID3v24Tag tag = new ID3v24Tag();
        tag.setTitle(title);
        mp3.setId3v2Tag(tag);
        Path target = server.app().config().episodesDir().resolve(name);
        mp3.save(target.toString());
        return target;
    }

    @Test
    void aTooLongTitleIsShortenedWithAWarning() throws Exception {
        ImportResult result =
                server.app().importer().importFile(tagged("Breathing ".repeat(60), "long.mp3"), false, n -> {});

        String title = result.episode().title();
        assertThat(title.codePointCount(0, title.length())).isEqualTo(255);
        assertThat(title).startsWith("Breathing Breathing").endsWith("…");
        assertThat(result.warnings()).anySatisfy(w -> assertThat(w).contains("shortened"));
    }

    @Test
    void controlAndBidiCharactersNeverReachTheCatalogue() throws Exception {
        ImportResult hostile = server.app()
                .importer()
                .importFile(tagged("\u202Eevil\u202C\u0007 title", "hostile.mp3"), false, n -> {});
        assertThat(hostile.episode().title()).isEqualTo("evil title");

        ImportResult invisible =
                server.app().importer().importFile(tagged("\u202E\u202C", "nothing-visible.mp3"), false, n -> {});
        assertThat(invisible.episode().title())
                .as("falls back to the file name")
                .isEqualTo("nothing visible");
    }
}
