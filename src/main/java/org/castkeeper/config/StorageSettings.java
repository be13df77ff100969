package org.castkeeper.config;

/**
 * @param episodes     the host's drop folder: MP3s put here are imported as drafts. Castkeeper only reads it, and
 *                     never renames, moves or deletes anything in it.
 * @param data         where Castkeeper keeps its own files: the SQLite catalogue by default, the upload spool,
 *                     backups, quarantine, and the media store (data/media) unless media is "s3"
 * @param retainDays   how long a file an episode no longer uses (replaced audio, artwork, transcript) is kept
 *                     aside (data/retired/, or the bucket's retired/), its old URL redirecting to the new file,
 *                     before it is deleted (default 30)
 * @param media        where episodes' files are stored: "folder" (the default, data/media) or "s3" (a bucket)
 * @param s3           the bucket, when media is "s3"
 * @param mediaBaseUrl where listeners fetch the bytes (a CDN in front of the bucket), or null: Castkeeper then
 *                     streams them itself
 */
public record StorageSettings(
        String episodes, String data, Integer retainDays, String media, S3 s3, String mediaBaseUrl) {

    public StorageSettings(String episodes, String data, Integer retainDays) {
        this(episodes, data, retainDays, null, null, null);
    }

    public StorageSettings {
        retainDays = retainDays == null ? Integer.valueOf(30) : retainDays;
        episodes = episodes == null ? "episodes" : episodes;
        data = data == null ? "data" : data;
        media = media == null || media.isBlank() ? "folder" : media.strip();
    }

    /** Whether episodes' files live in a bucket. */
    public boolean inBucket() {
        return "s3".equals(media);
    }

    /**
     * An S3-compatible bucket. Each key can also come from the environment, e.g. CASTKEEPER_STORAGE_S3_ACCESS_KEY.
     *
     * @param prefix          the folder in the bucket for the media, e.g. "media/" (optional)
     * @param pathStyle       the bucket in the path (MinIO, Garage, S3Proxy) rather than in the host name
     * @param credentialsFile a file with accessKey=... and secretKey=... lines, read again when it changes (keys
     *                        rotate without a restart); instead of accessKey and secretKey
     */
    public record S3(
            String endpoint,
            String region,
            String bucket,
            String prefix,
            Boolean pathStyle,
            String accessKey,
            String secretKey,
            String credentialsFile) {

        public S3 {
            pathStyle = pathStyle != null && pathStyle;
        }
    }
}
