/**
 * Turning MP3 and M4A files into catalogued episodes: one file ({@link org.castkeeper.importing.EpisodeImporter}), a whole
 * folder ({@link org.castkeeper.importing.FolderImport}), and files dropped into the episodes folder while the
 * server runs ({@link org.castkeeper.importing.EpisodesFolderWatcher}).
 */
package org.castkeeper.importing;
