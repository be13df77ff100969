package org.castkeeper.media;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The media store: the folder (data/media by default) that holds the audio, artwork and transcripts Castkeeper
 * serves, under names Castkeeper chooses. It is Castkeeper's alone; the host's drop folder (episodes/) is only
 * ever read. Every path the catalogue stores is relative to it, and {@link #resolve} refuses any path that would
 * lead outside it, whoever asks.
 *
 * <p>Files are written under a hidden ".part" name and moved into place in one step, so a crash never leaves a
 * half-written file under a real name; the server's {@link #clearUnfinished} clears what a crash left.
 */
public final class MediaFolder implements MediaStore {
    static final String PARTIAL_SUFFIX = ".part";

    private final Path root;
    private final Path retired;

    /** A store in {@code root} (data/media), keeping retired files beside it, in data/retired. */
    public MediaFolder(Path root) throws IOException {
        this.root = Files.createDirectories(root.toAbsolutePath().normalize()).toRealPath();
        this.retired = this.root.resolveSibling("retired");
    }

    public Path root() {
        return root;
    }

    @Override
    public boolean accepts(String name) {
        return resolve(name).isPresent();
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

    /**
     * Copies {@code source} into the store as {@code name} (streamed, via a hidden partial file, so nothing is
     * visible under {@code name} until it is complete). {@code source} is only read. Returns the stored path.
     */
    @Override
    public String storeCopy(Path source, String name) throws IOException {
        return store(source, name, false);
    }

    /** As {@link #storeCopy}, moving {@code source} (a finished upload inside the store) instead of copying. */
    @Override
    public String storeMove(Path source, String name) throws IOException {
        return store(source, name, true);
    }

    /**
     * Names are derived from the content (see importing.StoredNames): a file already at {@code name} with the
     * same size is this content, left by an earlier run cut short, and is adopted rather than written again.
     */
    private String store(Path source, String name, boolean move) throws IOException {
        Path target = resolve(name).orElseThrow(() -> new IOException("not a name inside the media store: " + name));
        Path dir = target.getParent();
        Files.createDirectories(dir);
        if (Files.isRegularFile(target) && Files.size(target) == Files.size(source)) {
            if (move) {
                Files.deleteIfExists(source);
            }
            return name;
        }
        Path partial = Files.createTempFile(dir, ".incoming-", PARTIAL_SUFFIX);
        try {
            if (move) {
                move(source, partial);
            } else {
                Files.copy(source, partial, StandardCopyOption.REPLACE_EXISTING);
            }
            Path placed = moveToFreeName(partial, dir, target.getFileName().toString());
            return root.relativize(placed).toString().replace('\\', '/');
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    /**
     * Where a piece of artwork is stored: "artwork/" plus the start of the SHA-256 of its bytes. The same image
     * gets the same name however it arrives, and new art gets a new URL, as Apple's caching requires.
     */
    public static String artworkName(byte[] bytes, String extension) {
        return "artwork/" + ContentHash.sha256(bytes).substring(0, 16) + "." + extension;
    }

    /** Writes {@code bytes} under exactly {@code relative} unless a file is already there (content-addressed art). */
    @Override
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

    @Override
    public String write(String name, InputStream content) throws IOException {
        Path target = resolve(name).orElseThrow(() -> new IOException("not a name inside the media store: " + name));
        Path dir = Files.createDirectories(target.getParent());
        Path partial = Files.createTempFile(dir, ".incoming-", PARTIAL_SUFFIX);
        try {
            try (OutputStream out = Files.newOutputStream(partial)) {
                content.transferTo(out);
            }
            Path placed = moveToFreeName(partial, dir, target.getFileName().toString());
            return root.relativize(placed).toString().replace('\\', '/');
        } finally {
            Files.deleteIfExists(partial);
        }
    }

    @Override
    public Optional<Path> localFile(String name) {
        return resolve(name).filter(Files::isRegularFile);
    }

    @Override
    public Optional<Stat> stat(String name) throws IOException {
        Optional<Path> file = resolve(name).filter(Files::isRegularFile);
        if (file.isEmpty()) {
            return Optional.empty();
        }
        var attributes = Files.readAttributes(file.get(), java.nio.file.attribute.BasicFileAttributes.class);
        return Optional.of(
                new Stat(attributes.size(), attributes.lastModifiedTime().toInstant(), MediaStore.typeOf(name)));
    }

    @Override
    public InputStream read(String name, long offset, long length) throws IOException {
        Path file = resolve(name)
                .filter(Files::isRegularFile)
                .orElseThrow(() -> new java.nio.file.NoSuchFileException(name));
        java.nio.channels.SeekableByteChannel channel = Files.newByteChannel(file);
        channel.position(offset);
        InputStream all = java.nio.channels.Channels.newInputStream(channel);
        return new BoundedInputStream(all, length);
    }

    @Override
    public List<String> list() throws IOException {
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> !p.getFileName().toString().startsWith("."))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(name -> !name.startsWith("."))
                    .toList();
        }
    }

    @Override
    public boolean retire(String name) throws IOException {
        Optional<Path> file = localFile(name);
        if (file.isEmpty()) {
            return false;
        }
        Path waiting = retired.resolve(root.relativize(file.get())).normalize();
        Path folder = waiting.getParent();
        if (folder != null) {
            Files.createDirectories(folder);
        }
        try {
            Files.move(file.get(), waiting, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException otherDisk) {
            Files.move(file.get(), waiting, StandardCopyOption.REPLACE_EXISTING);
        }
        return true;
    }

    @Override
    public boolean purgeRetired(String name) throws IOException {
        if (!accepts(name)) {
            return false;
        }
        Path waiting = retired.resolve(name).normalize();
        return waiting.startsWith(retired) && Files.deleteIfExists(waiting);
    }

    @Override
    public void delete(String relative) throws IOException {
        Optional<Path> file = resolve(relative);
        if (file.isPresent()) {
            Files.deleteIfExists(file.get());
        }
    }

    @Override
    public boolean keepsRetired(String name) {
        if (!accepts(name)) {
            return false;
        }
        Path waiting = retired.resolve(name).normalize();
        return waiting.startsWith(retired) && Files.isRegularFile(waiting);
    }

    /** Partial files (".part", hidden) of writes under way or cut off, oldest first. */
    @Override
    public List<Unfinished> unfinished() throws IOException {
        List<Unfinished> found = new java.util.ArrayList<>();
        try (Stream<Path> files = Files.walk(root, 4)) {
            for (Path p : files.filter(p -> p.getFileName().toString().endsWith(PARTIAL_SUFFIX))
                    .toList()) {
                try {
                    var attributes = Files.readAttributes(p, java.nio.file.attribute.BasicFileAttributes.class);
                    found.add(new Unfinished(
                            root.relativize(p).toString().replace('\\', '/'),
                            attributes.size(),
                            attributes.lastModifiedTime().toInstant()));
                } catch (java.nio.file.NoSuchFileException finished) {
                    // Its writer has just renamed or removed it.
                }
            }
        }
        found.sort(java.util.Comparator.comparing(Unfinished::lastTouched));
        return found;
    }

    /**
     * Deletes the partial files last written before {@code before}. At the server's start, {@code before} is the
     * moment the process started: whatever was half-written before that was cut off by the stop or crash that
     * preceded it, while an upload another process on this machine is writing now has a later time. Only the
     * server and {@code doctor --repair} call this, never an import, so an upload arriving meanwhile is never
     * touched.
     */
    @Override
    public List<Unfinished> clearUnfinished(java.time.Instant before) throws IOException {
        List<Unfinished> removed = new java.util.ArrayList<>();
        for (Unfinished u : unfinished()) {
            if (u.lastTouched().isBefore(before) && Files.deleteIfExists(root.resolve(u.name()))) {
                removed.add(u);
            }
        }
        return removed;
    }

    /** A partial file grows as its bytes arrive: untouched for a quarter of an hour, its writer is gone. */
    @Override
    public java.time.Duration abandonedAfter() {
        return java.time.Duration.ofMinutes(15);
    }

    private Path moveToFreeName(Path partial, Path dir, String fileName) throws IOException {
        for (int n = 1; ; n++) {
            Path target = dir.resolve(MediaStore.variant(fileName, n));
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
}
