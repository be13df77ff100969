package org.castkeeper.admin.shared;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.Handler;
import io.javalin.http.HttpStatus;
import io.javalin.http.SameSite;
import java.util.Optional;
import org.castkeeper.auth.Accounts;
import org.castkeeper.auth.Session;
import org.castkeeper.auth.Tokens;

/**
 * Puts every admin handler behind its checks: a valid session for {@link Access#HOST} routes, and a CSRF token on
 * every request that changes state. Signed-in forms carry the session's token; the sign-in and setup forms, made
 * before there is a session, use a double-submit cookie.
 */
public final class AdminSecurity {
    public static final String SESSION_COOKIE = "ck_session";
    public static final String CSRF_COOKIE = "ck_csrf";
    /** Marks a browser that has signed in before (see auth.DeviceCookies). */
    public static final String DEVICE_COOKIE = "ck_device";

    private static final int DEVICE_COOKIE_SECONDS = 365 * 24 * 3600;
    public static final String CSRF_FIELD = "_csrf";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    private static final String SESSION_ATTRIBUTE = "castkeeper.session";

    private final Accounts accounts;
    private final boolean secureCookies;

    public AdminSecurity(Accounts accounts, boolean secureCookies) {
        this.accounts = accounts;
        this.secureCookies = secureCookies;
    }

    /** Wraps {@code route}'s handler in the checks its access level asks for. */
    public Handler guard(AdminRoute route) {
        return ctx -> {
            if (route.access() == Access.HOST) {
                Optional<Session> session = accounts.session(ctx.cookie(SESSION_COOKIE));
                if (session.isEmpty()) {
                    refuseAnonymous(ctx, route);
                    return;
                }
                ctx.attribute(SESSION_ATTRIBUTE, session.get());
                if (route.changesState() && !Tokens.same(session.get().csrfToken(), submittedCsrf(ctx))) {
                    refuse(ctx, HttpStatus.FORBIDDEN, "This form has expired. Go back, reload the page and try again.");
                    return;
                }
            } else if (route.changesState()) {
                String cookie = ctx.cookie(CSRF_COOKIE);
                if (cookie == null || !Tokens.same(cookie, submittedCsrf(ctx))) {
                    refuse(ctx, HttpStatus.FORBIDDEN, "This form has expired. Go back, reload the page and try again.");
                    return;
                }
            }
            // Framing, referrer and content-security headers are set for every page by web.PodcatcherHandler.
            ctx.header("Cache-Control", "no-store");
            route.handler().handle(ctx);
        };
    }

    private static void refuseAnonymous(Context ctx, AdminRoute route) {
        if (route.changesState() || "XMLHttpRequest".equals(ctx.header("X-Requested-With"))) {
            refuse(ctx, HttpStatus.UNAUTHORIZED, "Sign in first.");
        } else {
            ctx.redirect("/admin/login", HttpStatus.SEE_OTHER);
        }
    }

    /** A refusal in words; for the uploads (PUT), in their one JSON shape: {"error": "..."}. */
    private static void refuse(Context ctx, HttpStatus status, String message) {
        if (ctx.method() == io.javalin.http.HandlerType.PUT) {
            ctx.status(status).json(java.util.Map.of("error", message));
        } else {
            ctx.status(status).contentType("text/plain; charset=utf-8").result(message);
        }
    }

    private static String submittedCsrf(Context ctx) {
        String header = ctx.header(CSRF_HEADER);
        if (header != null) {
            return header;
        }
        String type = ctx.contentType();
        if (type != null && (type.startsWith("application/x-www-form-urlencoded") || type.startsWith("multipart/"))) {
            return ctx.formParam(CSRF_FIELD);
        }
        return null;
    }

    /** The signed-in session of a HOST route's request. */
    public static Session session(Context ctx) {
        return ctx.attribute(SESSION_ATTRIBUTE);
    }

    /** The signed-in session's CSRF token, or null when the request has no session (e.g. an unknown route). */
    public static String csrfIfSignedIn(Context ctx) {
        Session session = session(ctx);
        return session == null ? null : session.csrfToken();
    }

    /** The anonymous CSRF token for the sign-in forms, set as a cookie the first time. */
    public String anonymousCsrf(Context ctx) {
        String token = ctx.cookie(CSRF_COOKIE);
        if (token == null || token.length() < 20) {
            token = Tokens.random();
            ctx.cookie(cookie(CSRF_COOKIE, token, -1));
        }
        return token;
    }

    public void signIn(Context ctx, Session session) {
        ctx.cookie(cookie(SESSION_COOKIE, session.token(), (int) Accounts.SESSION_LIFETIME.toSeconds()));
    }

    public void rememberDevice(Context ctx, String value) {
        ctx.cookie(cookie(DEVICE_COOKIE, value, DEVICE_COOKIE_SECONDS));
    }

    public void signOut(Context ctx) {
        accounts.endSession(ctx.cookie(SESSION_COOKIE));
        ctx.cookie(cookie(SESSION_COOKIE, "", 0));
    }

    private Cookie cookie(String name, String value, int maxAge) {
        // Path /admin: the public site and the feed never see the host's cookies.
        return new Cookie(name, value, "/admin", maxAge, secureCookies, true, null, SameSite.LAX);
    }
}
