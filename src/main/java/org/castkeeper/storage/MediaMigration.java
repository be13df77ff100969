package org.castkeeper.storage;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.castkeeper.media.MediaStore;

/**
 * Copies every stored file from one media store to another (a folder into a bucket, or back), for
 * {@code castkeeper media migrate}. Each file is read back from the target and its SHA-256 checked: against the
 * catalogue's for audio, against the source's for the rest. It is idempotent and resumable: a file the target has
 * already, verified, is left as it is, so a run cut short is simply run again. Nothing is deleted from the source,
 * and nothing in the target is overwritten: a name the target holds with other content is reported.
 */
public final class MediaMigration {
    private MediaMigration() {}

    /** What a run did. */
    public record Result(int copied, int alreadyThere, List<String> problems) {}

    /** Told of each file as it is done: its name and what happened, in a few words. */
    public interface Progress {
        void file(String name, String what);
    }

    /**
     * @param catalogue the SHA-256 the catalogue stores for each episode's audio, by its name
     * @param spool     a local folder for a file on its way (it is read whole to be hashed before it goes up)
     */
    public static Result copy(
            MediaStore from, MediaStore to, Map<String, String> catalogue, Path spool, Progress progress)
            throws IOException {
        Files.createDirectories(spool);
        int copied = 0;
        int already = 0;
        List<String> problems = new ArrayList<>();
        for (String name : from.list()) {
            try {
                Optional<MediaStore.Stat> source = from.stat(name);
                if (source.isEmpty()) {
                    continue; // gone since it was listed (retired meanwhile)
                }
                String expected = catalogue.get(name);
                Optional<MediaStore.Stat> there = to.stat(name);
                if (there.isPresent()) {
                    String want = expected != null ? expected : from.sha256(name);
                    if (there.get().size() == source.get().size()
                            && to.sha256(name).equals(want)) {
                        already++;
                        progress.file(name, "already there");
                    } else {
                        problems.add(name + ": the target holds other content under this name; left as it is");
                    }
                    continue;
                }
                Path file = Files.createTempFile(spool, ".migrating-", ".part");
                try {
                    String hash;
                    try (InputStream in = from.read(name, 0, Long.MAX_VALUE);
                            DigestInputStream digest = new DigestInputStream(in, sha256());
                            OutputStream out = Files.newOutputStream(file)) {
                        digest.transferTo(out);
                        hash = HexFormat.of()
                                .formatHex(digest.getMessageDigest().digest());
                    }
                    if (expected != null && !expected.equals(hash)) {
                        problems.add(name + ": the source file does not match the catalogue (run castkeeper doctor)");
                        continue;
                    }
                    String stored = to.storeCopy(file, name);
                    if (!stored.equals(name)) {
                        problems.add(name + ": the target stored it as " + stored + " instead");
                        continue;
                    }
                    if (!to.sha256(name).equals(hash)) {
                        problems.add(name + ": read back from the target, it is not what was sent");
                        continue;
                    }
                    copied++;
                    progress.file(name, "copied and verified");
                } finally {
                    Files.deleteIfExists(file);
                }
            } catch (IOException e) {
                problems.add(name + ": " + e.getMessage());
            }
        }
        return new Result(copied, already, problems);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
