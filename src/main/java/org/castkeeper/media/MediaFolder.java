package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The folder that holds the show's audio and artwork. Every path the catalogue stores is relative to it, and
 * {@link #resolve} refuses any path that would lead outside it, whoever asks.
 *
 * <p>Files are written under a temporary ".part" name and moved into place in one step, so a crash never leaves a
 * half-written file under a real name; {@link #removeLeftovers} clears what a crash left.
 */
public final class MediaFolder {
    static final String PARTIAL_SUFFIX = ".part";

    private final Path root;

    public MediaFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
    }

    public Path root() {
        return root;
    }

    /** The file at a relative path inside the folder, or empty when the path would leave the folder. */
    public Optional<Path> resolve(String relative) {
        if (relative == null || relative.isEmpty() || relative.indexOf('\0') >= 0 || relative.contains("\\")) {
            return Optional.empty();
        }
        Path candidate;
        try {
            candidate = root.resolve(relative).normalize();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
        if (!candidate.startsWith(root) || candidate.equals(root)) {
            return Optional.empty();
        }
        // A symbolic link inside the folder must not lead outside it either.
        if (Files.exists(candidate)) {
            try {
                if (!candidate.toRealPath().startsWith(root)) {
                    return Optional.empty();
                }
            } catch (IOException e) {
                return Optional.empty();
            }
        }
        return Optional.of(candidate);
    }

    /** The path of {@code file} relative to the folder, or empty when the file is not inside it. */
    public Optional<String> relativize(Path file) {
        Path real;
        try {
            real = file.toRealPath();
        } catch (IOException e) {
            real = file.toAbsolutePath().normalize();
        }
        return real.startsWith(root) && !real.equals(root)
                ? Optional.of(root.relativize(real).toString().replace('\\', '/'))
                : Optional.empty();
    }

    /**
     * Copies {@code source} into the folder under a free, URL-friendly version of its name, streaming.
     * Returns the new file's relative path.
     */
    public String copyIn(Path source, String subfolder) throws IOException {
        try (InputStream in = Files.newInputStream(source)) {
            return write(in, subfolder, safeName(source.getFileName().toString()));
        }
    }

    /**
     * Streams {@code content} to a new file in {@code subfolder} (null for the top) named like {@code fileName},
     * adding "-2", "-3" ... when the name is taken. Returns the relative path.
     */
    public String write(InputStream content, String subfolder, String fileName) throws IOException {
        Path dir = subfolder == null ? root : resolve(subfolder).orElseThrow(() ->
                new IOException("not a folder inside the media folder: " + subfolder));
        Files.createDirectories(dir);
        Path partial = Files.createTempFile(dir, ".incoming-", PARTIAL_SUFFIX);
        try {
            Files.copy(content, partial, StandardCopyOption.REPLACE_EXISTING);
            Path target = moveToFreeName(partial, dir, fileName);
            return root.relativize(target).toString().replace('\\', '/');
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Moves {@code source} (a finished upload on the same disk) into the folder under a free, URL-friendly version
     * of {@code fileName}. Returns the new relative path.
     */
    public String moveIn(Path source, String fileName) throws IOException {
        return root.relativize(moveToFreeName(source, root, safeName(fileName))).toString().replace('\\', '/');
    }

    /**
     * Where a piece of artwork is stored: "artwork/" plus the start of the SHA-256 of its bytes. The same image
     * gets the same name however it arrives, and new art gets a new URL, as Apple's caching requires.
     */
    public static String artworkName(byte[] bytes, String extension) {
        try {
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
            return "artwork/" + java.util.HexFormat.of().formatHex(digest).substring(0, 16) + "." + extension;
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    /** Writes {@code bytes} under exactly {@code relative} unless a file is already there (content-addressed art). */
    public String writeIfAbsent(byte[] bytes, String relative) throws IOException {
        Path target = resolve(relative).orElseThrow(() -> new IOException("not inside the media folder: " + relative));
        if (Files.exists(target)) {
            return relative;
        }
        Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(target.getParent(), ".incoming-", PARTIAL_SUFFIX);
        try {
            Files.write(partial, bytes);
            move(partial, target);
        } finally {
            Files.deleteIfExists(partial);
        }
        return relative;
    }

    public void delete(String relative) throws IOException {
        Optional<Path> file = resolve(relative);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    /** Deletes the ".part" files a crash left behind. Returns how many there were. */
    public int removeLeftovers() throws IOException {
        try (Stream<Path> files = Files.walk(root, 4)) {
            int removed = 0;
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(PARTIAL_SUFFIX)).toList()) {
                Files.deleteIfExists(p);
                removed++;
            }
            return removed;
        }
    }

    private Path moveToFreeName(Path partial, Path dir, String fileName) throws IOException {
        int dot = fileName.lastIndexOf('.');
        String stem = dot > 0 ? fileName.substring(0, dot) : fileName;
        String extension = dot > 0 ? fileName.substring(dot) : "";
        for (int n = 1; ; n++) {
            Path target = dir.resolve(n == 1 ? fileName : stem + "-" + n + extension);
            if (Files.exists(target)) {
                continue;
            }
            try {
                // No replace: if another writer took the name in the meantime, try the next one.
                Files.createLink(target, partial);
                Files.delete(partial);
                return target;
            } catch (java.nio.file.FileAlreadyExistsException taken) {
                continue;
            } catch (UnsupportedOperationException | IOException noHardLinks) {
                if (Files.exists(target)) {
                    continue;
                }
                move(partial, target);
                return target;
            }
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to);
        }
    }

    /** "Épisode 3 – Sleep & Stress.MP3" becomes "episode-3-sleep-stress.mp3": ASCII, as Apple asks of URLs. */
    static String safeName(String original) {
        int dot = original.lastIndexOf('.');
        String stem = dot > 0 ? original.substring(0, dot) : original;
        String extension = dot > 0 ? original.substring(dot + 1).toLowerCase(Locale.ROOT) : "";
        String ascii = Normalizer.normalize(stem, Normalizer.Form.NFKD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z0-9]+", "-")
                .replaceAll("^-+|-+$", "");
        if (ascii.isEmpty()) {
            ascii = "episode";
        }
        if (ascii.length() > 100) {
            ascii = ascii.substring(0, 100);
        }
        return extension.matches("[a-z0-9]{1,5}") ? ascii + "." + extension : ascii;
    }
}
