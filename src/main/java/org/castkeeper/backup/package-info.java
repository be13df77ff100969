/**
 * Backups a host can trust: {@link org.castkeeper.backup.Backups} takes consistent snapshots of the catalogue
 * (SQLite's VACUUM INTO, safe while the server writes) with the config, the show artwork and a manifest of every
 * media file, into a folder whose media pool is shared by all snapshots; it verifies them, prunes them, and
 * restores one into an instance that is not running.
 */
package org.castkeeper.backup;
