package org.castkeeper.errors;

import java.util.Locale;

/**
 * Whether a failure was a full disk (or a used-up quota), wherever it surfaced: the JDK's "No space left on device"
 * and "Disk quota exceeded" (the operating system's words for ENOSPC and EDQUOT), SQLite's SQLITE_FULL ("database
 * or disk is full"). The host is then told to free space, in plain words, instead of a server error. One answer for
 * every place that writes: uploads, the catalogue, backups, downloads of a feed's files.
 */
public final class DiskFull {
    private static final String[] SIGNS = {
        "no space left on device", "disk quota exceeded", "database or disk is full", "sqlite_full"
    };

    private DiskFull() {}

    /** Whether {@code e}, or anything in its chain of causes, says the disk is full. */
    public static boolean caused(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message == null) {
                continue;
            }
            String m = message.toLowerCase(Locale.ROOT);
            for (String sign : SIGNS) {
                if (m.contains(sign)) {
                    return true;
                }
            }
        }
        return false;
    }
}
