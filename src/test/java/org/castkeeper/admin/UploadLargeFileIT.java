package org.castkeeper.admin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedOutputStream;
import java.io.OutputStream;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.catalogue.Episode;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.AdminClient;
import org.castkeeper.testing.Fixtures;
import org.castkeeper.testing.JarServer;
import org.castkeeper.testing.TestShow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 1 GB MP3 uploaded through the admin page's upload route to the packaged jar running on a 64 MB heap. */
class UploadLargeFileIT {
    static final long ONE_GB = 1L << 30;

    @TempDir
    Path dir;

    @Test
    void aOneGigabyteUploadStreamsToDiskAndBecomesADraft() throws Exception {
        Path config = TestShow.create(dir);
        try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
            app.accounts().create("dominion", "correct horse battery");
        }
        Path big = dir.resolve("long-interview.mp3");
        long frames = writeMp3Of(big, ONE_GB);

        try (JarServer server = JarServer.start(config, "64m")) {
            AdminClient host = new AdminClient(server::url);
            host.signIn("dominion", "correct horse battery");
            host.get("/admin");
            HttpResponse<String> r = host.putFile("/admin/upload?name=long-interview.mp3", big);
            assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
            int id = new ObjectMapper().readTree(r.body()).get("id").asInt();
            assertThat(server.isAlive())
                    .as("no OutOfMemoryError on a 64 MB heap")
                    .isTrue();
            server.stop();

            try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
                Episode e = app.episodes().findById(id).orElseThrow();
                assertThat(e.audio().sizeBytes()).isEqualTo(Files.size(big));
                assertThat(e.audio().durationSeconds()).isEqualTo((int) Math.round(frames * 1152 / 44100.0));
                assertThat(app.folder().orElseThrow().root().resolve(e.audio().path()))
                        .hasSize(Files.size(big));
            }
            try (var leftovers = Files.list(dir.resolve("data/media/.uploads"))) {
                assertThat(leftovers).isEmpty();
            }
        }
    }

    /** Repeats the audio frames of a real fixture until the file reaches {@code size}; returns the frame count. */
    static long writeMp3Of(Path file, long size) throws Exception {
        byte[] source = Files.readAllBytes(Fixtures.mp3("untagged.mp3"));
        int infoFrame = 208 + ((source[2] >> 1) & 1);
        byte[] run = Arrays.copyOfRange(source, infoFrame, source.length);
        long runs = size / run.length;
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 20)) {
            for (long i = 0; i < runs; i++) {
                out.write(run);
            }
        }
        return runs * 116;
    }
}
