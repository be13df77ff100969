/**
 * The HTTP server: {@link org.castkeeper.web.WebServer} builds the Javalin app (threads, limits, headers) and holds
 * the route table of the public site and feed; the admin's routes come from {@code admin.AdminRoutes}, registered
 * here, and podcatchers' requests are answered first by {@link org.castkeeper.web.PodcatcherHandler}.
 */
package org.castkeeper.web;
