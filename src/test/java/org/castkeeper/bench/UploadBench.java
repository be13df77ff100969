package org.castkeeper.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.castkeeper.Castkeeper;
import org.castkeeper.config.ConfigLoader;
import org.castkeeper.testing.LongMp3;

/**
 * Sets up scripts/bench-upload (a benchmark, not a test): a show whose media are in the bucket at {@code args[2]}
 * (S3Proxy, path-style, bucket "bench"), a host to sign in as, and an MP3 of {@code args[3]} MiB to upload. Prints
 * shell assignments for the script.
 */
public final class UploadBench {
    private UploadBench() {}

    public static void main(String[] args) throws Exception {
        Path show = Files.createDirectories(Path.of(args[0]).toAbsolutePath());
        int port = Integer.parseInt(args[1]);
        String endpoint = args[2];
        long mebibytes = Long.parseLong(args[3]);
        Files.createDirectories(show.resolve("episodes/artwork"));
        Files.copy(
                Path.of("episodes/artwork/show.jpg"),
                show.resolve("episodes/artwork/show.jpg"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        Path config = show.resolve("feed-config.yml");
        Files.writeString(
                config,
                Files.readString(Path.of("feed-config.yml"))
                        .replace("port: 8080", "port: " + port)
                        .replace("publicUrl: http://localhost:8080", "publicUrl: http://127.0.0.1:" + port)
                        .replace(
                                "\nstorage:\n",
                                "\nstorage:\n  media: s3\n  s3:\n    endpoint: " + endpoint
                                        + "\n    region: us-east-1\n    bucket: bench\n    prefix: media/\n"
                                        + "    pathStyle: true\n    accessKey: bench\n    secretKey: bench\n"));
        try (Castkeeper app = Castkeeper.open(ConfigLoader.load(config, Map.of()), Clock.systemUTC())) {
            if (!app.accounts().anyUser()) {
                app.accounts().create("bench", "bench-password-only");
            }
        }
        // 64 kbps: 8,000 bytes a second of audio.
        Path file = show.resolve("big.mp3");
        LongMp3.write(file, "A very long episode", mebibytes * 1024 * 1024 / 8000);
        System.out.println("config=" + config);
        System.out.println("file=" + file);
        System.out.println("admin_user=bench");
        System.out.println("admin_password=bench-password-only");
    }
}
