/**
 * The show's settings page: one form for everything a host sets (ShowForm), saved all at once with a change log,
 * and the show artwork.
 */
package org.castkeeper.admin.settings;
