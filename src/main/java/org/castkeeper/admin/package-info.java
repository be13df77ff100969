/**
 * The host's admin pages under /admin, one subpackage per feature: {@code episodes} (the list, uploads and the
 * editor), {@code settings} (the show's settings), {@code accounts} (sign-in, setup, accounts), {@code
 * distribution} (the directories' guide), {@code stats} (listener figures) and {@code feedimport} (moving a show
 * in). {@code shared} holds what they all use: the route record and its access, the security check (session,
 * CSRF), page rendering, form problems and the upload receiver. {@link org.castkeeper.admin.AdminRoutes} gathers
 * every feature's routes into the one table, behind {@code AdminSecurity}. The server ({@code web}) builds each
 * controller with only what it uses. The controllers decide nothing about episodes: {@code
 * episodes.EpisodeLifecycle} does.
 */
package org.castkeeper.admin;
