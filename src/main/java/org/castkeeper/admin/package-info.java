/**
 * The host's admin pages under /admin: sign-in, the episode list with uploads, the episode editor, the show
 * settings, distribution and accounts. {@link org.castkeeper.admin.AdminRoutes} is the table of every admin route
 * with the access it needs; {@link org.castkeeper.admin.AdminSecurity} enforces it (session, CSRF) before any
 * handler runs. The controllers decide nothing about episodes: {@code episodes.EpisodeLifecycle} does.
 */
package org.castkeeper.admin;
