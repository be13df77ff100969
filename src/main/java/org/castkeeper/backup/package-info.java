/**
 * Backups a host can trust: {@link org.castkeeper.backup.Backups} takes consistent snapshots of the catalogue
 * (SQLite's VACUUM INTO, safe while the server writes) with the config, the show artwork and a manifest of every
 * media file, into a folder whose media pool is shared by all snapshots; it verifies them and prunes them, and
 * {@link org.castkeeper.backup.Restore} puts one back into an instance that is not running. The
 * {@link org.castkeeper.backup.Doctor} checks that the catalogue and the media store agree. All three reach the
 * media through {@code media.MediaStore}, so a bucket is backed up, restored and examined as the folder is.
 */
package org.castkeeper.backup;
