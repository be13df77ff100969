package org.castkeeper.admin.shared;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Streams an uploaded file (the raw request body, sent by the upload page's script) to a temporary file, never
 * holding it in memory, and refuses it as soon as it passes the size limit. The temporary file is hidden and ends
 * in ".part", so neither the folder watcher nor the media routes ever see it; the caller moves or deletes it.
 */
public final class UploadReceiver {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(UploadReceiver.class);

    private final Path folder;
    private final long limitBytes;

    public UploadReceiver(Path mediaRoot, long limitBytes) {
        this.folder = mediaRoot.resolve(".uploads");
        this.limitBytes = limitBytes;
    }

    /**
     * Receives the upload, or answers the request itself (too big, empty, or the client went away) and returns
     * null. Either way nothing is left behind but a complete file the caller now owns.
     */
    public Path receiveOrAnswer(Context ctx) {
        try {
            return receive(ctx);
        } catch (InvalidInput e) {
            ctx.status(e.status()).json(java.util.Map.of("error", e.getMessage()));
        } catch (IOException e) {
            if (org.castkeeper.errors.DiskFull.caused(e)) {
                LOG.warn(
                        "An upload was refused: the disk holding {} is full ({})",
                        folder.toAbsolutePath(),
                        e.toString());
                ctx.status(507)
                        .json(
                                java.util.Map.of(
                                        "error",
                                        "The server's disk is full, so the file could not "
                                                + "be saved. Nothing was saved. Free some space on the server and upload it again."));
                return null;
            }
            // Most often the browser closed the connection: the upload was cancelled or the network dropped.
            LOG.info("An upload stopped before it was complete: {}", e.toString());
            ctx.status(400).json(java.util.Map.of("error", "The upload was interrupted. Nothing was saved."));
        }
        return null;
    }

    public Path receive(Context ctx) throws IOException, InvalidInput {
        long declared = ctx.req().getContentLengthLong();
        if (declared > limitBytes) {
            throw new InvalidInput(tooBig(), 413);
        }
        Files.createDirectories(folder);
        if (declared > 0 && declared > Files.getFileStore(folder).getUsableSpace()) {
            throw new java.nio.file.FileSystemException(folder.toString(), null, NO_SPACE);
        }
        Path temp = Files.createTempFile(folder, ".upload-", ".part");
        boolean kept = false;
        try (InputStream in = ctx.bodyInputStream();
                OutputStream out = Files.newOutputStream(temp)) {
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0; ) {
                total += n;
                if (total > limitBytes) {
                    throw new InvalidInput(tooBig(), 413);
                }
                out.write(buffer, 0, n);
            }
            if (total == 0) {
                throw new InvalidInput("The file is empty (0 bytes). Export the episode again and re-upload it.");
            }
            kept = true;
            return temp;
        } finally {
            if (!kept) {
                // An aborted, failed or refused upload leaves nothing behind.
                Files.deleteIfExists(temp);
            }
        }
    }

    private static final String NO_SPACE = "No space left on device";

    private String tooBig() {
        return "This file is bigger than the " + (limitBytes / (1024 * 1024)) + " MB upload limit "
                + "(server.uploadLimitMb in feed-config.yml).";
    }
}
