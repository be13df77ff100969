/** The HTTP server: {@link org.castkeeper.web.WebServer} builds the Javalin app and holds the one route table. */
package org.castkeeper.web;
