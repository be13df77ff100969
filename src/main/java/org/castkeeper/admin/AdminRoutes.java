package org.castkeeper.admin;

import static io.javalin.http.HandlerType.GET;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.castkeeper.admin.shared.Access;
import org.castkeeper.admin.shared.AdminRoute;
import org.castkeeper.admin.shared.AdminSecurity;
import org.castkeeper.admin.shared.Pages;

/**
 * Every route under /admin, each with the access it needs. {@link #register} puts each handler behind
 * {@link AdminSecurity}; nothing is registered under /admin any other way, and AdminRoutesIT walks this list.
 */
public final class AdminRoutes {
    /** The cookies that tell a signed-in host and a known device (see {@link AdminSecurity}). */
    public static final String SESSION_COOKIE = AdminSecurity.SESSION_COOKIE;

    public static final String DEVICE_COOKIE = AdminSecurity.DEVICE_COOKIE;

    private final List<AdminRoute> routes;
    private final AdminSecurity security;

    /**
     * @param features the routes of each admin feature (episodes, settings, accounts, distribution, stats, moving
     *                 a show in), each controller built by the server with only what it uses
     */
    public AdminRoutes(AdminSecurity security, List<List<AdminRoute>> features) {
        this.security = security;
        List<AdminRoute> all = new java.util.ArrayList<>();
        all.add(new AdminRoute(GET, "/admin/assets/{file}", Access.PUBLIC, AdminRoutes::asset));
        features.forEach(all::addAll);
        this.routes = List.copyOf(all);
    }

    public List<AdminRoute> routes() {
        return routes;
    }

    /** Whether an admin page was rendered for this request (so an error page must not replace it). */
    public static boolean answered(Context ctx) {
        return ctx.attribute(Pages.RENDERED) != null;
    }

    /** The admin's "not found" page (the status is already 404). */
    public static void notFound(Context ctx) {
        Pages.notFound(ctx, "There is nothing at this address. It may have been deleted, or mistyped.");
    }

    public void register(RoutesConfig config) {
        for (AdminRoute route : routes) {
            config.addHttpHandler(route.method(), route.path(), security.guard(route));
        }
    }

    /** The admin stylesheet and script, from the classpath. Only these two names exist. */
    private static void asset(Context ctx) throws IOException {
        String file = ctx.pathParam("file");
        String type = switch (file) {
            case "admin.css" -> "text/css; charset=utf-8";
            case "admin.js" -> "text/javascript; charset=utf-8";
            default -> null;
        };
        if (type == null) {
            ctx.status(HttpStatus.NOT_FOUND).result("Not found");
            return;
        }
        try (InputStream in = AdminRoutes.class.getResourceAsStream("/public/admin/" + file)) {
            ctx.contentType(type).header("Cache-Control", "public, max-age=300").result(in.readAllBytes());
        }
    }
}
