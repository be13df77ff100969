/**
 * The distribution page: a guide per directory, in numbered steps, with the readiness checks and where to fix
 * each, and the directory listings the host saves.
 */
package org.castkeeper.admin.distribution;
