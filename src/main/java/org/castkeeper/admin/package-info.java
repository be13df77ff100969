/**
 * The host's admin pages under /admin: sign-in, the episode list with upload, the episode editor and the show
 * settings. {@link org.castkeeper.admin.AdminRoutes} is the table of every admin route with the access it needs;
 * {@link org.castkeeper.admin.AdminSecurity} enforces it (session, CSRF) before any handler runs.
 */
package org.castkeeper.admin;
