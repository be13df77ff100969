/**
 * What every admin feature uses: the route record and who may use it (AdminRoute, Access), the check made before
 * every handler (AdminSecurity: session, CSRF), page rendering (Pages), form problems, and the upload receiver that
 * streams audio to the spool.
 */
package org.castkeeper.admin.shared;
